package io.kitemq.common.message;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The SEND_BATCH_MESSAGE body: inner messages concatenated, each as
 *
 * <pre>
 * | TOTALSIZE (4) | MAGICCODE (4, 0) | BODYCRC (4, 0) | FLAG (4) |
 * | BODY LENGTH (4) | BODY | PROPERTIES LENGTH (2, signed) | PROPERTIES (UTF-8) |
 * </pre>
 *
 * TOTALSIZE = 22 + body + properties. The batch's topic, queue and sysFlag travel in the request
 * header. Decoding checks every length against both the bytes left and the entry's TOTALSIZE before
 * reading, and fails with {@link MessageDecodeException}. Stateless and thread-safe; buffers are
 * the caller's and their position and limit are left untouched.
 */
public final class BatchMessageCodec {

  /** Size of an inner entry with empty body and properties. */
  public static final int ENTRY_OVERHEAD = 4 + 4 + 4 + 4 + 4 + 2;

  /** Where one inner message's parts lie in a batch body; positions are absolute. */
  public record Entry(
      int position,
      int totalSize,
      int flag,
      int bodyPosition,
      int bodyLength,
      int propertiesPosition,
      int propertiesLength) {}

  private BatchMessageCodec() {}

  /**
   * Encodes {@code messages} (their flag, body and properties) into one batch body.
   *
   * @throws NullPointerException if a message has no body
   * @throws IllegalArgumentException if a message's properties exceed 32767 bytes
   */
  public static byte[] encode(List<? extends Message> messages) {
    long estimate = 0;
    for (Message m : messages) {
      if (m.getBody() == null) {
        throw new NullPointerException("a batched message has no body");
      }
      estimate += ENTRY_OVERHEAD + m.getBody().length + 64;
    }
    if (estimate > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("batch of " + estimate + " bytes is too large");
    }
    // Properties are written straight into the batch, with no byte[] per message or per string:
    // this encoding was a third of a producer's CPU when it built one array per message.
    Out out = new Out((int) estimate);
    for (Message m : messages) {
      byte[] body = m.getBody();
      int start = out.reserve(20);
      out.write(body);
      int propsAt = out.reserve(2);
      for (Map.Entry<String, String> e : m.propertiesView().entrySet()) {
        if (e.getValue() != null) {
          out.pair(e.getKey(), e.getValue());
        }
      }
      int propsLength = out.size() - propsAt - 2;
      if (propsLength > Short.MAX_VALUE) {
        throw new IllegalArgumentException(
            "properties of " + propsLength + " bytes exceed the 32767-byte limit");
      }
      out.putInt(start, ENTRY_OVERHEAD + body.length + propsLength)
          .putInt(start + 4, 0)
          .putInt(start + 8, 0)
          .putInt(start + 12, m.getFlag())
          .putInt(start + 16, body.length)
          .putShort(propsAt, propsLength);
    }
    return out.toArray();
  }

  /** A growing byte array the encoder writes into. */
  private static final class Out {
    private byte[] bytes;
    private int size;

    Out(int capacity) {
      bytes = new byte[Math.max(capacity, 64)];
    }

    int size() {
      return size;
    }

    /** Skips {@code n} bytes to be filled later; returns where they start. */
    int reserve(int n) {
      ensure(n);
      int at = size;
      size += n;
      return at;
    }

    void write(byte[] b) {
      ensure(b.length);
      System.arraycopy(b, 0, bytes, size, b.length);
      size += b.length;
    }

    /** {@code name 0x01 value 0x02}, checked as {@link MessageProperties} checks a put. */
    void pair(String name, String value) {
      if (name == null || name.isEmpty() || !string(name)) {
        MessageProperties.checkName(name);
      }
      bytes[size++] = (byte) MessageConst.NAME_VALUE_SEPARATOR;
      if (value.isEmpty() || !string(value)) {
        MessageProperties.checkValue(name, value);
      }
      ensure(1);
      bytes[size++] = (byte) MessageConst.PROPERTY_SEPARATOR;
    }

    /**
     * Appends {@code s} as UTF-8 plus room for one more byte; false, with nothing kept, if it holds
     * a separator.
     */
    private boolean string(String s) {
      int from = size;
      int n = s.length();
      ensure(n + 1);
      for (int i = 0; i < n; i++) {
        char c = s.charAt(i);
        if (c >= 0x80) {
          size = from;
          return utf8(s);
        }
        if (c == MessageConst.NAME_VALUE_SEPARATOR || c == MessageConst.PROPERTY_SEPARATOR) {
          size = from;
          return false;
        }
        bytes[size++] = (byte) c;
      }
      return true;
    }

    private boolean utf8(String s) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == MessageConst.NAME_VALUE_SEPARATOR || c == MessageConst.PROPERTY_SEPARATOR) {
          return false;
        }
      }
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      ensure(b.length + 1);
      System.arraycopy(b, 0, bytes, size, b.length);
      size += b.length;
      return true;
    }

    Out putInt(int at, int v) {
      bytes[at] = (byte) (v >>> 24);
      bytes[at + 1] = (byte) (v >>> 16);
      bytes[at + 2] = (byte) (v >>> 8);
      bytes[at + 3] = (byte) v;
      return this;
    }

    void putShort(int at, int v) {
      bytes[at] = (byte) (v >>> 8);
      bytes[at + 1] = (byte) v;
    }

    private void ensure(int more) {
      if (size + more > bytes.length) {
        long want = Math.max((long) bytes.length * 2, (long) size + more);
        if (want > Integer.MAX_VALUE - 8) {
          throw new IllegalArgumentException("batch of " + want + " bytes is too large");
        }
        bytes = Arrays.copyOf(bytes, (int) want);
      }
    }

    byte[] toArray() {
      return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }
  }

  /**
   * Locates the inner messages between {@code buffer}'s position and limit without copying them.
   *
   * @throws MessageDecodeException if an entry is truncated or its lengths do not add up
   */
  public static List<Entry> scan(ByteBuffer buffer) {
    int pos = buffer.position();
    int limit = buffer.limit();
    List<Entry> entries = new ArrayList<>(count(buffer, pos, limit));
    while (pos < limit) {
      Entry e = entryAt(buffer, pos, limit);
      entries.add(e);
      pos += e.totalSize();
    }
    return entries;
  }

  /**
   * Decodes the inner messages (flag, body, properties) between {@code buffer}'s position and
   * limit.
   *
   * @throws MessageDecodeException if an entry is truncated or its lengths do not add up
   */
  public static List<Message> decode(ByteBuffer buffer) {
    List<Entry> entries = scan(buffer);
    List<Message> out = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      Message m = new Message();
      m.setFlag(e.flag());
      byte[] body = new byte[e.bodyLength()];
      buffer.get(e.bodyPosition(), body);
      m.setBody(body);
      if (e.propertiesLength() > 0) {
        m.adoptProperties(
            MessageProperties.decode(buffer, e.propertiesPosition(), e.propertiesLength()));
      }
      out.add(m);
    }
    return out;
  }

  /** {@link #decode(ByteBuffer)} over a whole array. */
  public static List<Message> decode(byte[] body) {
    return decode(ByteBuffer.wrap(body));
  }

  /**
   * How many entries the TOTALSIZE fields chain through before {@code limit}, so the list is sized
   * once (growing it cost 2 % of a broker's CPU under batch load); the entries are checked after.
   */
  private static int count(ByteBuffer buf, int pos, int limit) {
    int n = 0;
    while (limit - pos >= ENTRY_OVERHEAD) {
      int total = buf.getInt(pos);
      if (total < ENTRY_OVERHEAD || total > limit - pos) {
        break;
      }
      n++;
      pos += total;
    }
    return n;
  }

  private static Entry entryAt(ByteBuffer buf, int pos, int limit) {
    int avail = limit - pos;
    if (avail < ENTRY_OVERHEAD) {
      throw new MessageDecodeException(
          pos, "TOTALSIZE", "truncated: " + avail + " bytes left, an entry needs at least 22");
    }
    int total = buf.getInt(pos);
    if (total < ENTRY_OVERHEAD || total > avail) {
      throw new MessageDecodeException(
          pos, "TOTALSIZE", "entry size " + total + " outside [22, " + avail + " bytes left]");
    }
    int flag = buf.getInt(pos + 12);
    int bodyLength = buf.getInt(pos + 16);
    int room = total - ENTRY_OVERHEAD;
    if (bodyLength < 0 || bodyLength > room) {
      throw new MessageDecodeException(
          pos, "BODY LENGTH", "length " + bodyLength + " outside [0, " + room + "]");
    }
    int bodyPosition = pos + 20;
    int propertiesLength = buf.getShort(bodyPosition + bodyLength);
    if (propertiesLength != room - bodyLength) {
      throw new MessageDecodeException(
          pos,
          "PROPERTIES LENGTH",
          "length "
              + propertiesLength
              + " but the entry leaves "
              + (room - bodyLength)
              + " bytes for properties");
    }
    return new Entry(
        pos,
        total,
        flag,
        bodyPosition,
        bodyLength,
        bodyPosition + bodyLength + 2,
        propertiesLength);
  }
}
