package io.kitemq.common.message;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

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
    List<byte[]> props = new ArrayList<>(messages.size());
    long total = 0;
    for (Message m : messages) {
      if (m.getBody() == null) {
        throw new NullPointerException("a batched message has no body");
      }
      byte[] p = MessageProperties.encodeToBytes(m.getProperties());
      if (p.length > Short.MAX_VALUE) {
        throw new IllegalArgumentException(
            "properties of " + p.length + " bytes exceed the 32767-byte limit");
      }
      props.add(p);
      total += ENTRY_OVERHEAD + m.getBody().length + p.length;
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("batch of " + total + " bytes is too large");
    }
    ByteBuffer out = ByteBuffer.allocate((int) total);
    for (int i = 0; i < messages.size(); i++) {
      Message m = messages.get(i);
      byte[] body = m.getBody();
      byte[] p = props.get(i);
      out.putInt(ENTRY_OVERHEAD + body.length + p.length)
          .putInt(0)
          .putInt(0)
          .putInt(m.getFlag())
          .putInt(body.length)
          .put(body)
          .putShort((short) p.length)
          .put(p);
    }
    return out.array();
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
