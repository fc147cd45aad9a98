package io.wayfinder.cli;

import io.wayfinder.core.predict.clv.summary.CohortSummary;
import io.wayfinder.core.predict.clv.summary.PurchaseFileReader;
import io.wayfinder.core.predict.clv.summary.PurchaseFileReader.Header;
import io.wayfinder.core.predict.clv.summary.PurchaseFileReader.Layout;
import io.wayfinder.core.predict.clv.summary.PurchaseFileReader.Separator;
import io.wayfinder.core.predict.clv.summary.SummaryBuilder;
import io.wayfinder.core.predict.clv.summary.TimeScale;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The transaction-file options shared by {@code clv fit} and {@code clv score}. */
final class ClvInput {

  enum Format { DEFAULT, CDNOW }

  enum Unit { WEEKS, DAYS }

  @Option(names = "--transactions", paramLabel = "FILE",
      description = "Purchases, one per line: customer id, date (YYYYMMDD or ISO), amount; comma-, semicolon-, tab- or whitespace-separated. "
          + "Without it, purchases are read from the event store.")
  Path file;

  @Option(names = "--format", paramLabel = "default|cdnow", defaultValue = "default", converter = FormatConverter.class,
      description = "Preset column layout: default = id, date, amount in columns 1-3; cdnow = the CDNOW master file "
          + "(customer_id date number_of_cds dollar_value). Column flags override it.")
  Format format;

  @Option(names = "--id-col", paramLabel = "N|NAME", description = "Customer id column: 1-based number or header name.")
  String idColumn;

  @Option(names = "--date-col", paramLabel = "N|NAME", description = "Date column: 1-based number or header name.")
  String dateColumn;

  @Option(names = "--amount-col", paramLabel = "N|NAME", description = "Amount column: 1-based number or header name.")
  String amountColumn;

  @Option(names = "--separator", paramLabel = "auto|comma|semicolon|tab|whitespace", defaultValue = "auto",
      converter = SeparatorConverter.class, description = "Field separator (default: detected from the first line).")
  Separator separator;

  @Option(names = "--header", paramLabel = "auto|yes|no", defaultValue = "auto", converter = HeaderConverter.class,
      description = "Whether the first line is a header (auto: it is if neither its date field is a date nor its amount a number).")
  Header header;

  @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
      description = "Time zone that dates timestamps carrying an offset (default UTC).")
  String zone;

  @Option(names = "--time-unit", paramLabel = "weeks|days", defaultValue = "weeks", converter = UnitConverter.class,
      description = "Time unit of t_x, T, the parameters and horizons (default weeks).")
  Unit unit;

  @Option(names = "--round", paramLabel = "N", defaultValue = "-1",
      description = "Round t_x, T and mean spend to N decimals before fitting, as published summaries do "
          + "(2 reproduces lifetimes' CDNOW table). Default: no rounding.")
  int round;

  TimeScale scale() {
    return unit == Unit.DAYS ? TimeScale.DAYS : TimeScale.WEEKS;
  }

  String unitName() {
    return unit.name().toLowerCase(Locale.ROOT);
  }

  Layout layout() {
    Layout base = format == Format.CDNOW ? Layout.CDNOW : Layout.DEFAULT;
    Layout l = base.withColumns(idColumn, dateColumn, amountColumn);
    if (separator != Separator.AUTO) l = l.withSeparator(separator);
    if (header != Header.AUTO) l = l.withHeader(header);
    try {
      return l.withZone(ZoneId.of(zone));
    } catch (RuntimeException e) {
      throw new CliException("--zone: not a time zone: " + zone);
    }
  }

  /** Reads the file and summarises it. */
  CohortSummary summarise(LocalDate calibrationEnd, LocalDate observationEnd) {
    SummaryBuilder builder = SummaryBuilder.calibrationEnd(calibrationEnd)
        .observationEnd(observationEnd)
        .scale(scale())
        .roundTo(round);
    try {
      PurchaseFileReader.read(file, layout(), builder::add);
    } catch (NoSuchFileException e) {
      throw new CliException("--transactions: no such file: " + file);
    } catch (IOException e) {
      throw new CliException("cannot read " + file + ": " + e.getMessage(), e);
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new CliException(file + ": " + e.getMessage());
    }
  }

  static LocalDate date(String option, String text) {
    if (text == null) return null;
    try {
      return PurchaseFileReader.parseDate(text, ZoneId.of("UTC"));
    } catch (DateTimeException | IllegalArgumentException e) {
      throw new CliException(option + ": not a date: '" + text + "' (expected YYYY-MM-DD or YYYYMMDD)");
    }
  }

  static final class FormatConverter extends EnumConverter<Format> {
    FormatConverter() {
      super(Format.class);
    }
  }

  static final class SeparatorConverter extends EnumConverter<Separator> {
    SeparatorConverter() {
      super(Separator.class);
    }
  }

  static final class UnitConverter extends EnumConverter<Unit> {
    UnitConverter() {
      super(Unit.class);
    }
  }

  static final class HeaderConverter implements picocli.CommandLine.ITypeConverter<Header> {
    @Override
    public Header convert(String value) {
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "auto" -> Header.AUTO;
        case "yes", "true", "present" -> Header.PRESENT;
        case "no", "false", "absent" -> Header.ABSENT;
        default -> throw new picocli.CommandLine.TypeConversionException("expected auto, yes or no, got '" + value + "'");
      };
    }
  }

  /** Case-insensitive enum names in lower case on the command line. */
  abstract static class EnumConverter<E extends Enum<E>> implements picocli.CommandLine.ITypeConverter<E> {
    private final Class<E> type;

    EnumConverter(Class<E> type) {
      this.type = type;
    }

    @Override
    public E convert(String value) {
      for (E e : type.getEnumConstants()) {
        if (e.name().equalsIgnoreCase(value)) return e;
      }
      StringBuilder names = new StringBuilder();
      for (E e : type.getEnumConstants()) names.append(names.length() == 0 ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT));
      throw new picocli.CommandLine.TypeConversionException("expected one of " + names + ", got '" + value + "'");
    }
  }
}
