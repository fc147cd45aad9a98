package io.wayfinder.core.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Utf8LinesTest {
  @TempDir Path dir;

  private Path file(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  private static List<String> lines(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    try (Utf8Lines in = Utf8Lines.open(file)) {
      for (String l; (l = in.readLine()) != null; ) out.add(l);
    }
    return out;
  }

  @Test
  void aLatin1ByteIsReportedWithFileLineByteAndCharacterColumn() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes("id,name\n1,Zoë\n2,Zoë ".getBytes(StandardCharsets.UTF_8)); // 'ë' is two bytes, one column
    b.write(0xE9); // 'é' in Latin-1
    b.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
    Path latin1 = file("names.csv", b.toByteArray());
    assertThatThrownBy(() -> lines(latin1))
        .isInstanceOf(EventLogException.class)
        .hasMessage(latin1 + ":3: not UTF-8 text (byte 0xE9 at column 7)");
  }

  @Test
  void lineEndingsAreThoseOfBufferedReaderAndLongLinesCrossTheBuffer() throws IOException {
    String longLine = "é".repeat(70_000); // 140,000 bytes: spans three reads
    Path mixed = file("mixed.txt", ("a\r\nb\rc\n\n" + longLine + "\nlast").getBytes(StandardCharsets.UTF_8));
    assertThat(lines(mixed)).containsExactly("a", "b", "c", "", longLine, "last");
    assertThat(lines(file("empty.txt", new byte[0]))).isEmpty();
  }

  @Test
  void aTruncatedSequenceAtTheEndOfALineIsAnError() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes("ok\nab".getBytes(StandardCharsets.UTF_8));
    b.write(0xC3); // first byte of a two-byte character, cut off by the line end
    b.writeBytes("\nmore\n".getBytes(StandardCharsets.UTF_8));
    Path cut = file("cut.txt", b.toByteArray());
    assertThatThrownBy(() -> lines(cut)).hasMessageEndingWith("cut.txt:2: not UTF-8 text (byte 0xC3 at column 3)");
  }

  @Test
  void csvEventLogsRefuseLatin1InsteadOfStoringReplacementCharacters() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes("case:concept:name,concept:name,time:timestamp\nc1,Order,2025-01-01T10:00:00Z\nc2,Ord".getBytes(StandardCharsets.UTF_8));
    b.write(0xE9);
    b.writeBytes("r,2025-01-01T11:00:00Z\n".getBytes(StandardCharsets.UTF_8));
    Path csv = file("log.csv", b.toByteArray());
    assertThatThrownBy(() -> {
      try (EventLogReader r = EventLogReaders.open(csv, ColumnMapping.DEFAULT)) {
        r.stream().count();
      }
    }).isInstanceOf(EventLogException.class).hasMessage(csv + ":3: not UTF-8 text (byte 0xE9 at column 7)");
  }

  @Test
  void theReaderKeepsLineTerminatorsAsTheyWere() throws IOException {
    String big = "x".repeat((1 << 16) - 1); // puts a "\r\n" across the read buffer's edge
    for (String text : List.of("a,\"two\r\nlines\"\r\nb\rc\n", "no end", "crlf at end\r\n", big + "\r\nnext\n", "\n\n")) {
      var out = new java.io.StringWriter();
      try (var r = new Utf8Lines(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.csv").asReader()) {
        r.transferTo(out);
      }
      assertThat(out.toString()).isEqualTo(text);
    }
  }

  @Test
  void aBadByteFarIntoALineIsReportedAtItsColumn() throws IOException {
    // the column used to be counted from the buffer's position: past about character 128 that overran
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(("ok\n" + "x".repeat(199)).getBytes(StandardCharsets.UTF_8));
    b.write(0xE9);
    b.writeBytes("y\n".getBytes(StandardCharsets.UTF_8));
    Path far = file("far.csv", b.toByteArray());
    assertThatThrownBy(() -> lines(far)).isInstanceOf(EventLogException.class)
        .hasMessage(far + ":2: not UTF-8 text (byte 0xE9 at column 200)");
  }

  @Test
  void aLineOverTheLimitFailsForGoodAtItsLineWithoutReadingItWhole() throws IOException {
    Path big = file("big.jsonl", ("short\n" + "a".repeat(5_000) + "\nafter\n").getBytes(StandardCharsets.UTF_8));
    try (Utf8Lines in = new Utf8Lines(Files.newInputStream(big), "big.jsonl", 1_000)) {
      assertThat(in.readLine()).isEqualTo("short");
      assertThatThrownBy(in::readLine).isInstanceOfSatisfying(EventLogException.class, e -> {
        assertThat(e.fatal()).isTrue();
        assertThat(e.getMessage()).isEqualTo("big.jsonl:2: line longer than 1000 bytes (the limit is set by "
            + "WAYFINDER_IMPORT_MAX_LINE_BYTES)");
      });
    }
    // exactly at the limit is fine
    Path edge = file("edge.txt", ("b".repeat(1_000) + "\n").getBytes(StandardCharsets.UTF_8));
    try (Utf8Lines in = new Utf8Lines(Files.newInputStream(edge), "edge.txt", 1_000)) {
      assertThat(in.readLine()).hasSize(1_000);
    }
  }
}
