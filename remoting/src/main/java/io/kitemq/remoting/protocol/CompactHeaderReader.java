package io.kitemq.remoting.protocol;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;

/**
 * Reads a JSON header written compactly, as RocketMQ clients and brokers write it: no whitespace,
 * the known keys only, ints as plain decimal, ASCII strings, extFields with string (or null)
 * values. That is nearly every header on the wire, and reading it byte by byte skips the general
 * parser's per-header setup and symbol-table lookups.
 *
 * <p>Anything else (whitespace, an unknown key, a number that is not a plain int, a non-ASCII byte,
 * an escape outside the basic ones, trailing bytes) makes {@link #read} answer null, and the caller
 * reads the header with Jackson, whose answer then stands: this reader only ever agrees with it or
 * declines, which a differential property test checks. Each read has its own instance; thread-safe.
 */
final class CompactHeaderReader {

  private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[512]);

  private final byte[] b;
  private final int end;
  private int i;

  private CompactHeaderReader(byte[] b, int end) {
    this.b = b;
    this.end = end;
  }

  /** The header of {@code length} bytes at {@code in}'s reader index, or null to decline. */
  static RemotingCommand read(ByteBuf in, int length) {
    if (length > 16 * 1024) {
      return null;
    }
    byte[] bytes = SCRATCH.get();
    if (bytes.length < length) {
      bytes = new byte[Math.max(length, bytes.length * 2)];
      SCRATCH.set(bytes);
    }
    in.getBytes(in.readerIndex(), bytes, 0, length);
    return new CompactHeaderReader(bytes, length).command();
  }

  private RemotingCommand command() {
    RemotingCommand cmd = new RemotingCommand();
    cmd.setSerializeType(SerializeType.JSON);
    if (!take('{')) {
      return null;
    }
    if (take('}')) {
      return i == end ? cmd : null;
    }
    do {
      int key = knownKey();
      if (key < 0 || !take(':') || !field(cmd, key)) {
        return null;
      }
    } while (take(','));
    return take('}') && i == end ? cmd : null;
  }

  // The header's keys; a key's index in KEYS is its constant below.
  private static final String[] KEYS = {
    "code",
    "flag",
    "opaque",
    "version",
    "language",
    "remark",
    "serializeTypeCurrentRPC",
    "extFields"
  };
  private static final int CODE = 0;
  private static final int FLAG = 1;
  private static final int OPAQUE = 2;
  private static final int VERSION = 3;
  private static final int LANGUAGE = 4;
  private static final int REMARK = 5;
  private static final int SERIALIZE_TYPE = 6;
  private static final int EXT_FIELDS = 7;

  private static final byte[][] QUOTED_KEYS = new byte[KEYS.length][];

  static {
    for (int k = 0; k < KEYS.length; k++) {
      QUOTED_KEYS[k] = ("\"" + KEYS[k] + "\"").getBytes(StandardCharsets.US_ASCII);
    }
  }

  /** The index in {@link #KEYS} of the key written plainly in quotes here, else -1. */
  private int knownKey() {
    for (int k = 0; k < KEYS.length; k++) {
      byte[] q = QUOTED_KEYS[k];
      if (i + q.length <= end && b[i + 1] == q[1] && regionMatches(q)) {
        i += q.length;
        return k;
      }
    }
    return -1;
  }

  private boolean regionMatches(byte[] q) {
    for (int k = 0; k < q.length; k++) {
      if (b[i + k] != q[k]) {
        return false;
      }
    }
    return true;
  }

  private boolean field(RemotingCommand cmd, int key) {
    switch (key) {
      case CODE, FLAG, OPAQUE, VERSION -> {
        long v = integer();
        if (v == Long.MIN_VALUE) {
          return false;
        }
        int n = (int) v;
        switch (key) {
          case CODE -> cmd.setCode(n);
          case FLAG -> cmd.setFlag(n);
          case OPAQUE -> cmd.setOpaque(n);
          default -> cmd.setVersion(n);
        }
        return true;
      }
      case LANGUAGE -> {
        String name = string();
        if (name == null) {
          return false;
        }
        cmd.setLanguage(LanguageCode.fromName(name));
        return true;
      }
      case REMARK -> {
        if (takeNull()) {
          cmd.setRemark(null);
          return true;
        }
        String remark = string();
        cmd.setRemark(remark);
        return remark != null;
      }
      case SERIALIZE_TYPE -> {
        return string() != null;
      }
      case EXT_FIELDS -> {
        if (takeNull()) {
          cmd.setExtFields(null);
          return true;
        }
        HashMap<String, String> ext = extFields();
        cmd.setExtFields(ext);
        return ext != null;
      }
      default -> {
        return false;
      }
    }
  }

  private HashMap<String, String> extFields() {
    if (!take('{')) {
      return null;
    }
    // Sized for the 14 fields of a V2 send header without a resize.
    HashMap<String, String> map = new HashMap<>(32);
    if (take('}')) {
      return map;
    }
    do {
      String key = extKey();
      if (key == null || !take(':')) {
        return null;
      }
      if (takeNull()) {
        continue; // as the general reader: a null value is no entry
      }
      String value = string();
      if (value == null) {
        return null;
      }
      map.put(key, value);
    } while (take(','));
    return take('}') ? map : null;
  }

  /** One-letter keys (the V2 send header's), shared instead of made for every header. */
  private static final String[] LETTERS = new String[128];

  static {
    for (char c = 0x20; c < 0x7f; c++) {
      LETTERS[c] = String.valueOf(c).intern();
    }
  }

  private String extKey() {
    byte c = i + 1 < end ? b[i + 1] : 0;
    if (i + 3 <= end && b[i] == '"' && b[i + 2] == '"' && c >= 0x20 && c != '\\' && c != '"') {
      String key = LETTERS[b[i + 1]];
      if (key != null) {
        i += 3;
        return key;
      }
    }
    return string();
  }

  /** A plain decimal int, or Long.MIN_VALUE to decline. */
  private long integer() {
    int start = i;
    boolean negative = take('-');
    int digits = i;
    long v = 0;
    while (i < end && b[i] >= '0' && b[i] <= '9' && i - digits < 11) {
      v = v * 10 + (b[i] - '0');
      i++;
    }
    int n = i - digits;
    if (n == 0 || n > 10 || (b[digits] == '0' && (n > 1 || negative))) {
      return Long.MIN_VALUE;
    }
    if (i < end && (b[i] == '.' || b[i] == 'e' || b[i] == 'E' || (b[i] >= '0' && b[i] <= '9'))) {
      return Long.MIN_VALUE;
    }
    v = negative ? -v : v;
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE || i == start) {
      return Long.MIN_VALUE;
    }
    return v;
  }

  /** An ASCII string with basic escapes, or null to decline. */
  private String string() {
    if (!take('"')) {
      return null;
    }
    int start = i;
    i = JsonText.plainRunEnd(b, i, end);
    if (i == end) {
      return null;
    }
    byte c = b[i];
    if (c == '"') {
      String s = new String(b, start, i - start, StandardCharsets.ISO_8859_1);
      i++;
      return s;
    }
    if (c == '\\') {
      return escaped(start);
    }
    return null; // a control byte, or non-ASCII: the general reader's
  }

  /**
   * The rest of a string holding escapes (a send's properties hold two per property), written as
   * Latin-1 bytes: every character it accepts is ASCII.
   */
  private String escaped(int start) {
    int plain = i - start;
    byte[] out = new byte[plain + Math.max(16, (end - i) >> 2)];
    System.arraycopy(b, start, out, 0, plain);
    int n = plain;
    while (i < end) {
      byte c = b[i++];
      if (c == '"') {
        return new String(out, 0, n, StandardCharsets.ISO_8859_1);
      }
      if (c < 0x20) {
        return null;
      }
      if (c == '\\') {
        if (i >= end) {
          return null;
        }
        c = unescape(b[i++]);
        if (c < 0) {
          return null;
        }
      }
      if (n == out.length) {
        out = Arrays.copyOf(out, n * 2);
      }
      out[n++] = c;
    }
    return null;
  }

  /** The ASCII character an escape stands for (after its backslash), or -1 to decline. */
  private byte unescape(byte e) {
    return switch (e) {
      case '"', '\\', '/' -> e;
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'u' -> {
        int cp = hex4();
        // beyond ASCII (surrogates included): the general reader's rules
        yield cp < 0 || cp >= 0x80 ? -1 : (byte) cp;
      }
      default -> -1;
    };
  }

  private int hex4() {
    if (i + 4 > end) {
      return -1;
    }
    int v = 0;
    for (int k = 0; k < 4; k++) {
      int d = Character.digit(b[i + k], 16);
      if (d < 0) {
        return -1;
      }
      v = v * 16 + d;
    }
    i += 4;
    return v;
  }

  private boolean take(char c) {
    if (i < end && b[i] == c) {
      i++;
      return true;
    }
    return false;
  }

  private boolean takeNull() {
    if (i + 4 <= end && b[i] == 'n' && b[i + 1] == 'u' && b[i + 2] == 'l' && b[i + 3] == 'l') {
      i += 4;
      return true;
    }
    return false;
  }
}
