package io.wayfinder.core.eventlog;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Fails an XML stream with a run of more than {@code max} bytes between two {@code <}: one tag
 * with its attribute values, or the text between two tags. A StAX parser holds a whole attribute
 * value in memory before anyone can look at it, so a 1.5 GB value would exhaust the heap; counted
 * here, as the bytes go by, it is an error naming the line the run started on.
 */
final class XmlTokenLimit extends FilterInputStream {
  private final String file;
  private final int max;
  private long run;
  private long line = 1;
  private long runLine = 1;

  XmlTokenLimit(InputStream in, String file, int max) {
    super(in);
    this.file = file;
    this.max = max;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) see((byte) b);
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    for (int i = off; i < off + n; i++) see(buf[i]);
    return n;
  }

  private void see(byte b) {
    if (b == '<') {
      run = 0;
      runLine = line;
    } else if (++run > max) {
      throw EventLogException.fatal(file, runLine, null, "an XML tag or text longer than " + max
          + " bytes, such as an attribute value that long (the limit is set by " + ImportLimits.MAX_ATTRIBUTE_BYTES + ")");
    }
    if (b == '\n') line++;
  }
}
