package io.wayfinder.core.predict.clv.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wayfinder.core.eventlog.EventLogException;
import io.wayfinder.core.predict.clv.summary.PurchaseFileReader.Header;
import io.wayfinder.core.predict.clv.summary.PurchaseFileReader.Layout;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PurchaseFileReaderTest {

  private static List<Purchase> read(String text, Layout layout) throws IOException {
    List<Purchase> out = new ArrayList<>();
    PurchaseFileReader.read(new BufferedReader(new StringReader(text)), "t.csv", layout, out::add);
    return out;
  }

  private static EventLogException failure(String text, Layout layout) {
    try {
      read(text, layout);
    } catch (EventLogException e) {
      return e;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("no error for:\n" + text);
  }

  @Test
  void commaSeparatedWithHeaderAndIsoDates() throws IOException {
    List<Purchase> ps = read("customer,date,amount\na,2024-01-02,10.5\n\n# comment\nb,20240103,0\n", Layout.DEFAULT);
    assertThat(ps).containsExactly(new Purchase("a", LocalDate.of(2024, 1, 2), 10.5), new Purchase("b", LocalDate.of(2024, 1, 3), 0));
  }

  @Test
  void whitespaceWithoutHeader() throws IOException {
    assertThat(read(" 00004 0001 19970101  2   29.33\r\n", Layout.DEFAULT.withColumns("1", "3", "5")))
        .containsExactly(new Purchase("00004", LocalDate.of(1997, 1, 1), 29.33));
  }

  @Test
  void columnsByHeaderName() throws IOException {
    Layout l = Layout.DEFAULT.withColumns("sampleid", "DATE", "sales");
    assertThat(read("masterid,sampleid,date,cds,sales\n4,1,19970101,2,29.33\n", l))
        .containsExactly(new Purchase("1", LocalDate.of(1997, 1, 1), 29.33));
  }

  @Test
  void cdnowMasterLayout() throws IOException {
    assertThat(read(" customer_id  date number_of_cds  dollar_value\r\n 00002 19970112  5   77.00\r\n", Layout.CDNOW))
        .containsExactly(new Purchase("00002", LocalDate.of(1997, 1, 12), 77));
  }

  @Test
  void quotedFieldsSemicolonsAndTimestamps() throws IOException {
    Layout berlin = Layout.DEFAULT.withZone(ZoneId.of("Europe/Berlin"));
    assertThat(read("\"Smith, J\";2024-01-01T23:30:00Z;\"12\"\n", berlin))
        .containsExactly(new Purchase("Smith, J", LocalDate.of(2024, 1, 2), 12));
    assertThat(read("a,2024-01-01 23:30:00,1\nb,2024-01-01T23:30:00+05:00,1\n", Layout.DEFAULT))
        .extracting(Purchase::date).containsExactly(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 1));
  }

  @Test
  void negativeAmountNamesFileLineAndField() {
    EventLogException e = failure("id,date,amount\na,2024-01-01,5\na,2024-01-02,-3.00\n", Layout.DEFAULT);
    assertThat(e.file()).isEqualTo("t.csv");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.field()).isEqualTo("amount");
    assertThat(e.getMessage()).isEqualTo("t.csv:3 [amount]: negative amount -3.00: purchases must be >= 0 (leave refunds out of the file)");
  }

  @Test
  void nonNumericAndNonFiniteAmounts() {
    assertThat(failure("a,2024-01-01,abc\n", Layout.DEFAULT).getMessage()).isEqualTo("t.csv:1 [amount]: not a number: 'abc'");
    assertThat(failure("a,2024-01-01,NaN\n", Layout.DEFAULT).getMessage()).isEqualTo("t.csv:1 [amount]: not a finite number: 'NaN'");
    assertThat(failure("a,2024-01-01,Infinity\n", Layout.DEFAULT).getMessage()).contains("not a finite number");
    assertThat(failure("a,2024-01-01,\n", Layout.DEFAULT).getMessage()).isEqualTo("t.csv:1 [amount]: not a number: ''");
  }

  @Test
  void badDatesMissingFieldsAndIds() {
    assertThat(failure("a,2024-01-01,1\nb,2024-13-01,2\n", Layout.DEFAULT).getMessage())
        .startsWith("t.csv:2 [date]: not a date: '2024-13-01'");
    assertThat(failure("a,20240230,1\n", Layout.DEFAULT).field()).isEqualTo("date");
    assertThat(failure("a,2024-01-01,1\nb,2024-01-02\n", Layout.DEFAULT).getMessage())
        .isEqualTo("t.csv:2 [amount]: missing: the line has 2 field(s), the amount is expected in field 3");
    assertThat(failure(",2024-01-01,1\n", Layout.DEFAULT).getMessage()).isEqualTo("t.csv:1 [id]: empty customer id");
    assertThat(failure("id,day,amount\na,2024-01-01,1\n", Layout.DEFAULT.withColumns(null, "date", null)).getMessage())
        .isEqualTo("t.csv:1 [date]: no column named 'date' in the header [id, day, amount]");
    assertThat(failure("a,2024-01-01,1\n", Layout.DEFAULT.withColumns("id", null, null).withHeader(Header.ABSENT)).getMessage())
        .contains("no header");
  }

  @Test
  void emptyFilesAreErrors() {
    assertThat(failure("", Layout.DEFAULT).getMessage()).isEqualTo("t.csv: the file is empty: no purchases");
    assertThat(failure("id,date,amount\n\n", Layout.DEFAULT).getMessage())
        .isEqualTo("t.csv: no purchase lines (only a header, blanks or comments)");
  }

  @Test
  void aFileThatIsNotUtf8NamesTheLineAndColumnOfTheFirstBadByte(@TempDir Path dir) throws IOException {
    Path junk = dir.resolve("junk.csv");
    Files.write(junk, new byte[] {'a', ',', '2', '0', '2', '4', '0', '1', '0', '1', ',', '1', '\n', 'b', ',', (byte) 0xFF, '\n'});
    assertThatThrownBy(() -> PurchaseFileReader.read(junk, Layout.DEFAULT, p -> {}))
        .isInstanceOf(EventLogException.class)
        .hasMessage(junk + ":2: not UTF-8 text (byte 0xFF at column 3)");
  }
}
