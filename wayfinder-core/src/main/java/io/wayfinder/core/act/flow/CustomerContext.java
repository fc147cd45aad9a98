package io.wayfinder.core.act.flow;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one document that branch conditions, segment and schedule conditions, and templates see:
 * <pre>
 * { "customer": {"id": …}, "traits": {…}, "event": {properties of the last event},
 *   "predictions": {"churnRisk", "pAlive", "clv", "expectedPurchases", "expectedSpend", "valueSegment"},
 *   "consent": {purpose: true|false}, "kpi": {kpi: last score}, "flow": {"id", "version"} }
 * </pre>
 * Built for the engine by {@link #document}; for validation, from a catalogue, as the set of
 * names a condition may use and a sample customer a template must render for.
 */
public final class CustomerContext {
  // as on the profile (GET /api/profiles/{ref} → predictions)
  private static final String[] PREDICTIONS = {"churnRisk", "pAlive", "clv", "expectedPurchases", "expectedSpend", "valueSegment"};

  private final FlowCatalogue catalogue;

  CustomerContext(FlowCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** The context document of one customer at one step. */
  public static Map<String, Object> document(String customerId, Map<String, ?> traits, Map<String, ?> event,
      Map<String, ?> predictions, Map<String, Boolean> consent, Map<String, ?> kpi, String flowId, int version) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("customer", Map.of("id", customerId));
    d.put("traits", traits);
    d.put("event", event);
    d.put("predictions", predictions);
    d.put("consent", consent);
    d.put("kpi", kpi);
    d.put("flow", Map.of("id", flowId, "version", version));
    return d;
  }

  /** Whether the catalogue lists traits and events, so that names can be checked. */
  boolean checksNames() {
    return catalogue.traits() != null && catalogue.events() != null;
  }

  /** Paths a context condition may use; null when names are not checked. */
  Set<String> knownPaths() {
    if (!checksNames()) {
      return null;
    }
    Set<String> known = new HashSet<>(Set.of("customer.id", "consent", "kpi", "flow.id", "flow.version"));
    catalogue.traits().forEach(t -> known.add("traits." + t));
    for (String p : PREDICTIONS) {
      known.add("predictions." + p);
    }
    for (String e : catalogue.events()) {
      Set<String> props = catalogue.propertiesOf(e);
      if (props == null) {
        known.add("event"); // some event's properties are unknown: do not check event.*
      } else {
        props.forEach(p -> known.add("event." + p));
      }
    }
    return known;
  }

  /** A customer with every known name set, for a trial render of each template. */
  Map<String, Object> sample() {
    Map<String, Object> traits = new TreeMap<>();
    catalogue.traits().forEach(t -> traits.put(t, "sample " + t));
    boolean someEventUnknown = catalogue.events().stream().anyMatch(e -> catalogue.propertiesOf(e) == null);
    Map<String, Object> event = someEventUnknown ? new AnyKey() : new TreeMap<>();
    catalogue.eventProperties().values().forEach(ps -> ps.forEach(p -> event.put(p, "sample " + p)));
    Map<String, Object> predictions = new TreeMap<>();
    for (String p : PREDICTIONS) {
      predictions.put(p, "valueSegment".equals(p) ? "sample segment" : 0.5);
    }
    return document("sample-customer", traits, event, predictions, Map.of(), Map.of(), "sample-flow", 1);
  }

  /** Event properties when some event's are not known: every name renders, as every name passes conditions. */
  private static final class AnyKey extends TreeMap<String, Object> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean containsKey(Object key) {
      return true;
    }

    @Override
    public Object get(Object key) {
      return super.containsKey(key) ? super.get(key) : "sample " + key;
    }
  }
}
