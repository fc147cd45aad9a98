package io.wayfinder.core.act.condition;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The field operators of GrowthBook's condition language, with the operand each expects. */
enum Operator {
  EQ("$eq", Operand.SCALAR),
  NE("$ne", Operand.SCALAR),
  LT("$lt", Operand.STRING_OR_NUMBER),
  LTE("$lte", Operand.STRING_OR_NUMBER),
  GT("$gt", Operand.STRING_OR_NUMBER),
  GTE("$gte", Operand.STRING_OR_NUMBER),
  VEQ("$veq", Operand.VERSION),
  VNE("$vne", Operand.VERSION),
  VLT("$vlt", Operand.VERSION),
  VLTE("$vlte", Operand.VERSION),
  VGT("$vgt", Operand.VERSION),
  VGTE("$vgte", Operand.VERSION),
  EXISTS("$exists", Operand.BOOLEAN),
  IN("$in", Operand.ARRAY),
  NIN("$nin", Operand.ARRAY),
  INI("$ini", Operand.ARRAY),
  NINI("$nini", Operand.ARRAY),
  ALL("$all", Operand.ARRAY),
  ALLI("$alli", Operand.ARRAY),
  IN_GROUP("$inGroup", Operand.GROUP),
  NOT_IN_GROUP("$notInGroup", Operand.GROUP),
  NOT("$not", Operand.VALUE_CONDITION),
  SIZE("$size", Operand.LENGTH),
  ELEM_MATCH("$elemMatch", Operand.ELEMENT_CONDITION),
  REGEX("$regex", Operand.REGEX),
  REGEXI("$regexi", Operand.REGEX),
  TYPE("$type", Operand.TYPE_NAME);

  /** What an operator's operand must be; checked by strict parsing only. */
  enum Operand {
    SCALAR("a string, number, boolean or null"),
    STRING_OR_NUMBER("a string or a number"),
    VERSION("a version string such as \"1.2.3\""),
    BOOLEAN("true or false"),
    ARRAY("an array"),
    GROUP("a saved group id (string)"),
    VALUE_CONDITION("a value or an operator object"),
    LENGTH("a number or an operator object such as {\"$gt\": 2}"),
    ELEMENT_CONDITION("an object (an operator object or a condition on the elements)"),
    REGEX("a valid regular expression (string)"),
    TYPE_NAME("one of string, number, boolean, object, array, null");

    final String description;

    Operand(String description) {
      this.description = description;
    }
  }

  private static final Map<String, Operator> BY_KEY =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(o -> o.key, Function.identity()));

  final String key;
  final Operand operand;

  Operator(String key, Operand operand) {
    this.key = key;
    this.operand = operand;
  }

  static Optional<Operator> byKey(String key) {
    return Optional.ofNullable(BY_KEY.get(key));
  }

  /** Every operator key, for error messages and the docs test. */
  static String keys() {
    return Arrays.stream(values()).map(o -> o.key).collect(Collectors.joining(", "));
  }
}
