package io.wayfinder.store.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Why a JSON body could not be read, as {@code path.to.field: expected <kind>}: what a client can
 * act on, without Jackson's Java class names. The path is the JSON one ({@code steps[1].event});
 * {@code body} when the whole body is at fault.
 */
public final class JsonInputErrors {
  /** A field name at the start of a constructor's message ({@code "steps: ..."}, {@code "stages[].name: ..."}). */
  private static final Pattern NAMED = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)[A-Za-z0-9_.\\[\\]]*: ");
  /** Jackson's "(start marker at [Source: ...; line: 1, column: 1])" inside a message. */
  private static final Pattern SOURCE = Pattern.compile("\\s*\\([^()]*\\[Source:[^\\]]*\\][^()]*\\)");

  private JsonInputErrors() {}

  /**
   * Whether {@code e} is about the JSON read rather than about the program: a syntax error
   * (which Jackson wraps when it happens inside a record), a value of the wrong kind, or a value
   * its constructor refused. Not, say, a type Jackson cannot handle or a failed serialisation.
   */
  public static boolean isInputError(JacksonException e) {
    return e instanceof StreamReadException || e instanceof MismatchedInputException
        || e instanceof ValueInstantiationException || e.getCause() instanceof StreamReadException;
  }

  /** The problem with the input, for a parse error or a binding error. */
  public static String describe(JacksonException e) {
    if (e.getCause() instanceof StreamReadException syntax) return malformed(syntax);
    if (e instanceof DatabindException d) return binding(d);
    return malformed(e);
  }

  private static String malformed(JacksonException e) {
    String what = SOURCE.matcher(String.valueOf(e.getOriginalMessage())).replaceAll("");
    JsonLocation at = e instanceof StreamReadException s ? s.getLocation() : null;
    return "body: malformed JSON" + (at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr()
        + ", column " + at.getColumnNr()) + ": " + what;
  }

  private static String binding(DatabindException d) {
    String path = d instanceof JsonMappingException m ? path(m.getPath()) : "body";
    if (d instanceof PropertyBindingException u) {
      Collection<Object> known = u.getKnownPropertyIds() == null ? List.of() : u.getKnownPropertyIds();
      return path + ": unknown field; expected one of " + known.stream().map(String::valueOf).sorted()
          .collect(Collectors.joining(", "));
    }
    if (d instanceof InvalidFormatException f) {
      return path + ": expected " + kind(f.getTargetType()) + ", got '" + abbreviate(String.valueOf(f.getValue())) + "'";
    }
    if (d instanceof MismatchedInputException m) return path + ": expected " + kind(m.getTargetType());
    if (d instanceof ValueInstantiationException v) return fromConstructor(path, v);
    return path + ": invalid value";
  }

  /**
   * A value's constructor refused it: its message names the field, relative to that value
   * ({@code within: ...} of the step at {@code steps[1]}), so it is put under the value's path
   * unless it already starts there ({@code breakdown.by: ...} of {@code breakdown}).
   */
  private static String fromConstructor(String path, ValueInstantiationException v) {
    Throwable cause = v.getCause();
    String message = cause instanceof IllegalArgumentException && cause.getMessage() != null ? cause.getMessage() : "invalid value";
    if (path.equals("body")) return message;
    var named = NAMED.matcher(message);
    if (!named.find()) return path + ": " + message;
    String value = path.replaceAll("\\[\\d+]$", "");
    return value.substring(value.lastIndexOf('.') + 1).equals(named.group(1)) ? message : path + "." + message;
  }

  /** The JSON path of a binding error: {@code steps[1].properties.color}. */
  static String path(List<JsonMappingException.Reference> refs) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : refs) {
      if (r.getFieldName() != null) {
        if (b.length() > 0) b.append('.');
        b.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.length() == 0 ? "body" : b.toString();
  }

  /** What a JSON value bound to {@code type} must look like, in JSON's words. */
  public static String kind(Class<?> type) {
    if (type == null) return "another kind of value";
    if (type.isEnum()) {
      return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
          .collect(Collectors.joining(", "));
    }
    if (type == boolean.class || type == Boolean.class) return "true or false";
    if (type == int.class || type == long.class || type == short.class || type == Integer.class || type == Long.class
        || type == Short.class || type == java.math.BigInteger.class) {
      return "a whole number";
    }
    if (type.isPrimitive() || Number.class.isAssignableFrom(type)) return "a number";
    if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) return "a string";
    if (type == LocalDate.class) return "a date (2025-01-31)";
    if (Temporal.class.isAssignableFrom(type)) return "an ISO-8601 instant (2025-01-31T09:00:00Z) or date (2025-01-31)";
    if (type.isArray() || Collection.class.isAssignableFrom(type)) return "an array";
    return "an object"; // a map, a record or another bean
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }
}
