package io.wayfinder.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RedactorTest {
  /** A generated text: what it says, the personal data planted in it, and the ordinary numbers it holds. */
  record Sample(String text, List<String> planted, List<String> ordinary, String expected) {}

  private static final String[] FIRST = {"anna", "Bob", "chloe.m", "d_ng", "eve+cx", "FRANK", "g.o'neil".replace("'", ""), "h123"};
  private static final String[] DOMAIN = {"example.com", "mail.co.uk", "Sub.Domain.ORG", "shop-x.io", "t-online.de"};
  private static final String[] ORDINARY = {"$1,299.00", "€45.50", "19.99 EUR", "2024-05-01", "01/05/2024", "12.03.2024", "3 orders",
      "order #48213", "2 items", "10:30", "£7", "30 days", "version 2.4.1", "1,200 points"};

  /** 200 texts from templates, with e-mails, phones, cards and IBANs in various formats (seeded, so the set is fixed). */
  static List<Sample> testSet() {
    Random r = new Random(16);
    List<Sample> out = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      List<String> planted = new ArrayList<>();
      List<String> tokens = new ArrayList<>();
      int kinds = 1 + r.nextInt(3);
      for (int k = 0; k < kinds; k++) {
        switch (r.nextInt(4)) {
          case 0 -> { planted.add(FIRST[r.nextInt(FIRST.length)] + r.nextInt(100) + "@" + DOMAIN[r.nextInt(DOMAIN.length)]); tokens.add("[email]"); }
          case 1 -> { planted.add(phone(r)); tokens.add("[phone]"); }
          case 2 -> { planted.add(card(r)); tokens.add("[card]"); }
          default -> { planted.add(iban(r)); tokens.add("[account]"); }
        }
      }
      String o1 = ORDINARY[r.nextInt(ORDINARY.length)];
      String o2 = ORDINARY[r.nextInt(ORDINARY.length)];
      String[] lead = {"Paid %s on %s and nobody called back, reach me at %s", "I placed %s on %s. My details: %s!",
          "Refund of %s still missing since %s; contact %s please.", "(%s, %s) %s is where you can find me"};
      String tpl = lead[r.nextInt(lead.length)];
      String text = tpl.formatted(o1, o2, String.join(" or ", planted));
      String expected = tpl.formatted(o1, o2, String.join(" or ", tokens));
      out.add(new Sample(text, planted, List.of(o1, o2), expected));
    }
    return out;
  }

  private static String phone(Random r) {
    String d3 = String.valueOf(200 + r.nextInt(800)), d4 = String.format("%04d", r.nextInt(10000));
    return switch (r.nextInt(9)) {
      case 0 -> "+44 20 " + String.format("%04d", r.nextInt(10000)) + " " + d4;
      case 1 -> "(" + d3 + ") 555-" + d4;
      case 2 -> d3 + "-555-" + d4;
      case 3 -> d3 + ".555." + d4;
      case 4 -> "+1 " + d3 + " 555 " + d4;
      case 5 -> "020 7946 " + d4;
      case 6 -> "07700 9" + String.format("%05d", r.nextInt(100000));
      case 7 -> "0049 30 123" + d4;
      default -> "+49 (0)30 " + d4 + " " + d4;
    };
  }

  private static String card(Random r) {
    String[] prefixes = {"4", "51", "55", "37", "6011"};
    String p = prefixes[r.nextInt(prefixes.length)];
    int len = p.equals("37") ? 15 : 16;
    StringBuilder d = new StringBuilder(p);
    while (d.length() < len - 1) d.append(r.nextInt(10));
    for (int c = 0; c < 10; c++) {
      if (RedactionPattern.luhn(d + String.valueOf(c))) {
        d.append(c);
        break;
      }
    }
    String digits = d.toString();
    return switch (r.nextInt(3)) {
      case 0 -> digits;
      case 1 -> len == 15 ? digits.substring(0, 4) + " " + digits.substring(4, 10) + " " + digits.substring(10)
          : digits.replaceAll("(\\d{4})(?=\\d)", "$1 ");
      default -> digits.replaceAll("(\\d{4})(?=\\d)", "$1-");
    };
  }

  private static String iban(Random r) {
    StringBuilder b = new StringBuilder("GB").append(10 + r.nextInt(90)).append(" WEST");
    for (int g = 0; g < 3; g++) b.append(' ').append(String.format("%04d", r.nextInt(10000)));
    return b.append(' ').append(String.format("%02d", r.nextInt(100))).toString();
  }

  @Test
  void findsAtLeast99PercentOfPlantedPersonalDataAndKeepsOrdinaryNumbers() {
    Redactor redactor = Redactor.defaults();
    int planted = 0, found = 0, ordinary = 0, kept = 0, exact = 0;
    List<String> misses = new ArrayList<>();
    for (Sample s : testSet()) {
      String out = redactor.redact(s.text());
      for (String p : s.planted()) {
        planted++;
        // the whole plant gone, and its last six characters too (a half-redacted number is a miss)
        if (!out.contains(p) && !out.contains(p.substring(p.length() - 6))) found++;
        else misses.add(p + " in: " + out);
      }
      for (String o : s.ordinary()) {
        ordinary++;
        if (out.contains(o)) kept++;
      }
      if (out.equals(s.expected())) exact++;
    }
    double recall = 100.0 * found / planted;
    System.out.printf("redaction: %d planted, recall %.2f %%; %d ordinary numbers, %d kept; %d/200 texts exactly as expected%n",
        planted, recall, ordinary, kept, exact);
    assertThat(recall).as("recall; missed %s", misses).isGreaterThanOrEqualTo(99.0);
    assertThat(kept).as("ordinary numbers kept").isEqualTo(ordinary);
  }

  @Test
  void aCardNumberFailingTheLuhnCheckIsKept() {
    assertThat(Redactor.defaults().redact("ref 4111 1111 1111 1112 ok")).isEqualTo("ref 4111 1111 1111 1112 ok");
    assertThat(Redactor.defaults().redact("card 4111 1111 1111 1111 ok")).isEqualTo("card [card] ok");
  }

  @Test
  void aConfiguredPatternListReplacesTheDefaults() {
    Redactor r = Redactor.parse(List.of("# customer numbers", "customer CUST-\\d{6}"), "redaction-patterns.txt");
    assertThat(r.redact("CUST-123456 wrote a@b.com")).isEqualTo("[customer] wrote a@b.com");
  }

  @Test
  void aBadConfiguredPatternNamesItsLine() {
    assertThatThrownBy(() -> Redactor.parse(List.of("ok x", "broken ([a-z"), "p.txt"))
        .hasMessageContaining("p.txt line 2").hasMessageContaining("regex");
  }
}
