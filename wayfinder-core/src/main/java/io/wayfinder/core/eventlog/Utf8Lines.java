package io.wayfinder.core.eventlog;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads text files line by line as strict UTF-8. A JDK reader either replaces bad bytes with
 * U+FFFD (so Latin-1 text is stored garbled) or throws {@code MalformedInputException} without
 * saying where, often lines ahead of the record being read; here each line is decoded on its
 * own, so a bad byte becomes an {@link EventLogException} naming the file, the line and the
 * column: {@code names.csv:3: not UTF-8 text (byte 0xE9 at column 7)}.
 *
 * <p>Lines end at {@code \n}, {@code \r\n} or {@code \r}, as {@link java.io.BufferedReader#readLine()}.
 * A line longer than the limit ({@link ImportLimits#maxLineBytes()} unless given) is a
 * {@linkplain EventLogException#fatal() fatal} error as soon as the limit is passed, so a file
 * that inflates to one enormous line never sits in memory.
 */
public final class Utf8Lines implements Closeable {
  private final InputStream in;
  private final String name;
  private final int maxLineBytes;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private byte[] bytes = new byte[256];
  private CharBuffer chars = CharBuffer.allocate(256);
  private long line;
  private boolean afterCr;
  /** How the line read last ended: "\n", "\r" (its "\n", if any, is skipped by the next read) or "" at the end. */
  private String terminator = "";
  /** Whether the last read skipped the "\n" of a "\r\n" that ended the line before. */
  private boolean skippedLf;

  /** Reads {@code in}; {@code name} is the file as messages call it. */
  public Utf8Lines(InputStream in, String name) {
    this(in, name, ImportLimits.current().maxLineBytes());
  }

  /** Reads {@code in}, failing on a line longer than {@code maxLineBytes} bytes. */
  public Utf8Lines(InputStream in, String name, int maxLineBytes) {
    this.in = in;
    this.name = name;
    this.maxLineBytes = maxLineBytes;
  }

  /** Opens {@code file}, named in messages as the path was given. */
  public static Utf8Lines open(Path file) throws IOException {
    return new Utf8Lines(Files.newInputStream(file), file.toString());
  }

  /** Reads every line of {@code in}, to fail on the first bad byte; closes {@code in}. */
  public static void check(InputStream in, String name) throws IOException {
    try (Utf8Lines lines = new Utf8Lines(in, name)) {
      while (lines.readLine() != null) {
        // decoding is the check
      }
    }
  }

  /** The next line without its terminator, or null at the end. */
  public String readLine() throws IOException {
    int n = 0;
    skippedLf = false;
    terminator = "";
    while (true) {
      if (pos == limit && !fill()) {
        if (n == 0) return null;
        break;
      }
      if (afterCr) {
        afterCr = false;
        if (buf[pos] == '\n') {
          pos++;
          skippedLf = true;
          continue;
        }
      }
      int start = pos;
      while (pos < limit && buf[pos] != '\n' && buf[pos] != '\r') pos++;
      int k = pos - start;
      if ((long) n + k > maxLineBytes) {
        throw EventLogException.fatal(name, line + 1, null, "line longer than " + maxLineBytes
            + " bytes (the limit is set by " + ImportLimits.MAX_LINE_BYTES + ")");
      }
      if (n + k > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(n + k, (int) Math.min(maxLineBytes, bytes.length * 2L)));
      System.arraycopy(buf, start, bytes, n, k);
      n += k;
      if (pos < limit) {
        afterCr = buf[pos++] == '\r';
        terminator = afterCr ? "\r" : "\n";
        break;
      }
    }
    line++;
    return decode(n);
  }

  private boolean fill() throws IOException {
    int r = in.read(buf);
    if (r <= 0) return false;
    pos = 0;
    limit = r;
    return true;
  }

  /** Lines read so far: the number of the line {@link #readLine()} returned last. */
  public long line() {
    return line;
  }

  private String decode(int n) {
    if (chars.capacity() < n) chars = CharBuffer.allocate(n);
    chars.clear();
    ByteBuffer src = ByteBuffer.wrap(bytes, 0, n);
    decoder.reset();
    CoderResult r = decoder.decode(src, chars, true);
    if (!r.isError()) r = decoder.flush(chars);
    if (r.isError()) {
      // the column counts characters, as an editor shows them (a supplementary character counts once);
      // counted in the array, as a CharBuffer's own indices start at its position
      int column = Character.codePointCount(chars.array(), 0, chars.position()) + 1;
      String at = String.format(Locale.ROOT, "byte 0x%02X at column %d", bytes[src.position()] & 0xff, column);
      throw new EventLogException(name, line, null, "not UTF-8 text (" + at + ")");
    }
    return chars.flip().toString();
  }

  /**
   * The same text as a {@link Reader}, line terminators as they were (a quoted CSV field may hold
   * them), for parsers that take a reader. Decoding errors still name the line they are on, however
   * far the parser reads ahead.
   */
  public Reader asReader() {
    return new Reader() {
      private String pending = "";
      private int pos;

      @Override
      public int read(char[] buf, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (pos == pending.length()) {
          String next = readLine();
          // the "\n" of a "\r\n" is skipped while reading the line after it
          String lf = skippedLf ? "\n" : "";
          if (next == null && lf.isEmpty()) return -1;
          pending = next == null ? lf : lf + next + terminator;
          pos = 0;
          if (pending.isEmpty()) return read(buf, off, len);
        }
        int k = Math.min(len, pending.length() - pos);
        pending.getChars(pos, pos + k, buf, off);
        pos += k;
        return k;
      }

      @Override
      public void close() throws IOException {
        Utf8Lines.this.close();
      }
    };
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
