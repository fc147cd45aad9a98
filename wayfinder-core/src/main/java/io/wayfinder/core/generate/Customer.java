package io.wayfinder.core.generate;

import java.util.List;

/** One synthetic customer: who they are, their devices and when they were acquired. */
record Customer(
    int index,
    String userId,
    String firstName,
    String lastName,
    String email,
    String plan,
    boolean emailConsent,
    boolean smsConsent,
    Device firstDevice,
    Device secondDevice,
    long acquiredAt) {

  private static final List<String> FIRST = List.of("Anna", "Ben", "Chloe", "David", "Emma",
      "Finn", "Grace", "Hugo", "Isla", "Jack", "Klara", "Liam", "Mia", "Noah", "Olivia", "Paul",
      "Quinn", "Ruby", "Sam", "Tara", "Umar", "Vera", "Will", "Yara", "Zoe", "Luca", "Nora");
  private static final List<String> LAST = List.of("Smith", "Jones", "Taylor", "Brown", "Wilson",
      "Evans", "Thomas", "Roberts", "Walker", "Wright", "Green", "Hall", "Wood", "Clarke",
      "Hughes", "Edwards", "Turner", "Baker", "Moore", "Martin", "Jackson", "Lewis", "Young");
  private static final List<String> PLANS = List.of("fibre_100", "fibre_300", "fibre_1000");

  /** Share of customers with a second device (web plus app). */
  static final double SECOND_DEVICE_SHARE = 0.30;
  /** Share of second devices linked by an alias call instead of an identify. */
  static final double ALIAS_SHARE = 0.15;
  /** Share of digital events a customer makes on the second device once they use it. */
  static final double SECOND_DEVICE_USE = 0.35;

  static Customer draw(Rng rng, long seed, int index, long acquiredAt) {
    String first = rng.pick(FIRST);
    String last = rng.pick(LAST);
    String primary = rng.chance(0.6) ? "web" : "app";
    Device one = new Device(1, primary, Ids.uuid(seed, index, 1, 1), acquiredAt, false);
    Device two = null;
    if (rng.chance(SECOND_DEVICE_SHARE)) {
      long from = acquiredAt + (long) (rng.exponential(60) * Timeline.DAY);
      two = new Device(2, primary.equals("web") ? "app" : "web", Ids.uuid(seed, index, 1, 2),
          from, rng.chance(ALIAS_SHARE));
    }
    String email = (first + "." + last + "." + (index + 1) + "@example.com").toLowerCase();
    return new Customer(index, Ids.userId(index), first, last, email, rng.pick(PLANS),
        rng.chance(0.7), rng.chance(0.3), one, two, acquiredAt);
  }

  /** The device a digital interaction at {@code time} happens on. */
  Device digital(Rng rng, long time) {
    if (secondDevice != null && time >= secondDevice.firstUse() && rng.chance(SECOND_DEVICE_USE)) {
      return secondDevice;
    }
    return firstDevice;
  }

  Device device(int number) {
    return number == 1 ? firstDevice : secondDevice;
  }
}
