package io.wayfinder.core.eventlog;

import io.wayfinder.core.event.EventTimeRange;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an XES (IEEE 1849) log with StAX, one event at a time. Elements are matched by local name
 * and attributes by {@code key}, whatever the namespace or extension URIs. Only the direct
 * children of {@code <trace>} and {@code <event>} count: log-level metadata, {@code <global>}
 * defaults, classifiers and nested attribute values are skipped.
 *
 * <p>The case is the trace attribute {@link ColumnMapping#traceCaseKey()}; the activity, timestamp
 * and lifecycle are the event attributes named by the mapping. Other event attributes are kept as
 * text, and every trace attribute is added to each of its events with a {@code case:} prefix (as
 * process-mining CSV exports name them). The position of an event is its 1-based number in the
 * file.
 *
 * <p>A row-level problem (an event without a timestamp) fails that event alone, and reading goes
 * on after it. Broken XML fails for good: every later call throws the same
 * {@linkplain EventLogException#fatal() fatal} error, since a parser that reported a fatal error
 * has no next event to give (asking it again only repeats the error, forever).
 */
final class XesEventLogReader implements EventLogReader {
  // the clock when reading starts: events after it (plus a day's tolerance) are refused as on /v1
  private final java.time.Instant now = java.time.Instant.now();
  private static final XMLInputFactory FACTORY = newFactory();

  private final String file;
  private final ColumnMapping mapping;
  private final InputStream in;
  private final XMLStreamReader xml;
  private final ArrayDeque<LogEvent> ready = new ArrayDeque<>();
  /** Events of the current trace seen before its case attribute; rare, but the schema allows it. */
  private final ArrayDeque<LogEvent> waiting = new ArrayDeque<>();

  private int depth;
  private int traceDepth = -1;
  private int eventDepth = -1;
  private long eventCount;
  private String caseId;
  private Map<String, String> traceAttributes = new LinkedHashMap<>();
  private Map<String, String> eventAttributes;
  private long eventLine;
  /** The first problem with an attribute of the current event, thrown when the event ends. */
  private EventLogException eventError;
  /** The fatal error that ended reading, rethrown by every later call. */
  private EventLogException broken;

  XesEventLogReader(String file, InputStream in, ColumnMapping mapping) {
    this(file, in, mapping, ImportLimits.current().maxAttributeBytes());
  }

  XesEventLogReader(String file, InputStream in, ColumnMapping mapping, int maxAttributeBytes) {
    this.file = file;
    this.mapping = mapping;
    this.in = new XmlTokenLimit(in, file, maxAttributeBytes);
    try {
      this.xml = FACTORY.createXMLStreamReader(this.in);
    } catch (XMLStreamException e) {
      throw new EventLogException(file, 1, null, "not XML: " + e.getMessage());
    }
  }

  private static XMLInputFactory newFactory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    return f;
  }

  @Override
  public boolean hasNext() {
    if (broken != null) {
      throw broken;
    }
    try {
      while (ready.isEmpty() && xml.hasNext()) {
        step(xml.next());
      }
    } catch (XMLStreamException e) {
      long line = e.getLocation() != null ? e.getLocation().getLineNumber() : 0;
      broken = EventLogException.fatal(file, line, null, "malformed XES: " + e.getMessage());
      throw broken;
    } catch (EventLogException e) {
      if (e.fatal()) {
        broken = e;
      }
      throw e;
    } catch (RuntimeException e) {
      // the parser's own unchecked failures (an I/O error inside it) end the document as well
      broken = EventLogException.fatal(file, line(), null, "unreadable XES: " + e.getMessage());
      throw broken;
    }
    return !ready.isEmpty();
  }

  @Override
  public LogEvent next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return ready.poll();
  }

  private void step(int type) {
    if (type == XMLStreamConstants.START_ELEMENT) {
      depth++;
      String name = xml.getLocalName();
      if (traceDepth < 0 && name.equals("trace")) {
        traceDepth = depth;
        caseId = null;
        traceAttributes = new LinkedHashMap<>();
      } else if (traceDepth >= 0 && eventDepth < 0 && depth == traceDepth + 1) {
        if (name.equals("event")) {
          eventDepth = depth;
          eventAttributes = new HashMap<>();
          eventError = null;
          eventLine = line();
        } else {
          traceAttribute();
        }
      } else if (eventDepth >= 0 && depth == eventDepth + 1) {
        String key = xml.getAttributeValue(null, "key");
        if (key != null) {
          try {
            eventAttributes.put(key, value(key));
          } catch (EventLogException e) {
            // the event is rejected as a whole when it ends, so none of it is stored
            eventError = eventError == null ? e : eventError;
          }
        }
      }
    } else if (type == XMLStreamConstants.END_ELEMENT) {
      // leave the element before anything can throw, so the depths stay right for what follows
      int ended = depth--;
      if (ended == eventDepth) {
        eventDepth = -1;
        if (eventError != null) {
          eventCount++;
          throw eventError;
        }
        emit(toEvent());
      } else if (ended == traceDepth) {
        traceDepth = -1;
        if (!waiting.isEmpty()) {
          waiting.clear();
          throw new EventLogException(
              file, line(), mapping.traceCaseKey(), "trace without a case attribute '" + mapping.traceCaseKey() + "'");
        }
      }
    }
  }

  private void traceAttribute() {
    String key = xml.getAttributeValue(null, "key");
    if (key == null) {
      return;
    }
    String value = value(key);
    traceAttributes.put(key, value);
    if (key.equals(mapping.traceCaseKey())) {
      caseId = value;
      while (!waiting.isEmpty()) {
        LogEvent e = waiting.poll();
        ready.add(new LogEvent(e.position(), caseId, e.activity(), e.timestamp(), e.lifecycle(), withTrace(e.attributes())));
      }
    }
  }

  private String value(String key) {
    String v = xml.getAttributeValue(null, "value");
    if (v == null) {
      throw new EventLogException(file, line(), key, "attribute without a value");
    }
    return v;
  }

  private LogEvent toEvent() {
    eventCount++;
    Map<String, String> a = eventAttributes;
    String activity = a.remove(mapping.activityColumn());
    if (activity == null) {
      throw new EventLogException(file, eventLine, mapping.activityColumn(), "event without an activity");
    }
    String time = a.remove(mapping.timestampColumn());
    if (time == null) {
      throw new EventLogException(file, eventLine, mapping.timestampColumn(), "event without a timestamp");
    }
    Instant ts;
    try {
      ts = EventTimeRange.check(Timestamps.parse(time, mapping.defaultZone()), time, now);
    } catch (IllegalArgumentException e) {
      throw new EventLogException(file, eventLine, mapping.timestampColumn(), e.getMessage());
    }
    String lifecycle = a.remove(mapping.lifecycleColumn());
    return new LogEvent(eventCount, caseId, activity, ts, lifecycle, a);
  }

  private void emit(LogEvent e) {
    if (caseId == null) {
      waiting.add(e);
    } else {
      ready.add(new LogEvent(e.position(), e.caseId(), e.activity(), e.timestamp(), e.lifecycle(), withTrace(e.attributes())));
    }
  }

  private Map<String, String> withTrace(Map<String, String> attributes) {
    for (Map.Entry<String, String> t : traceAttributes.entrySet()) {
      attributes.putIfAbsent("case:" + t.getKey(), t.getValue());
    }
    return attributes;
  }

  private long line() {
    return xml.getLocation() != null ? xml.getLocation().getLineNumber() : 0;
  }

  @Override
  public void close() {
    try {
      xml.close();
      in.close();
    } catch (XMLStreamException | IOException e) {
      throw new EventLogException(file, 0, null, "cannot close: " + e.getMessage());
    }
  }
}
