package io.kitemq.common.message;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes stored message records ({@link StoredMessageLayout}) byte for byte as the RocketMQ broker
 * does.
 *
 * <p>The hot path is {@link #encode(ByteBuffer, RecordDraft, long, long, long)}: one record
 * straight into the caller's buffer (heap, direct or mapped) at its position, with the three values
 * the store decides at write time. Stateless and thread-safe; the buffer is the caller's (not
 * retained, not released).
 */
public final class StoredMessageEncoder {

  private StoredMessageEncoder() {}

  /**
   * Writes the record of {@code draft} at {@code dst}'s position and advances the position by the
   * record size.
   *
   * @return the number of bytes written ({@link RecordDraft#encodedSize()})
   * @throws IllegalArgumentException if {@code dst} has fewer bytes remaining than the record needs
   *     (nothing is written then) or is not big-endian
   */
  public static int encode(
      ByteBuffer dst,
      RecordDraft draft,
      long queueOffset,
      long physicalOffset,
      long storeTimestamp) {
    int size = draft.encodedSize();
    checkRoom(dst, size);
    byte[] topic = draft.topicBytes();
    dst.putInt(size)
        .putInt(draft.version().magicCode())
        .putInt(draft.bodyCrc())
        .putInt(draft.queueId())
        .putInt(draft.flag())
        .putLong(queueOffset)
        .putLong(physicalOffset)
        .putInt(draft.sysFlag())
        .putLong(draft.bornTimestamp())
        .put(draft.bornIp())
        .putInt(draft.bornPort())
        .putLong(storeTimestamp)
        .put(draft.storeIp())
        .putInt(draft.storePort())
        .putInt(draft.reconsumeTimes())
        .putLong(draft.preparedTransactionOffset())
        .putInt(draft.bodyLength())
        .put(draft.bodyArray(), draft.bodyOffset(), draft.bodyLength());
    if (draft.version() == MessageVersion.V1) {
      dst.put((byte) topic.length);
    } else {
      dst.putShort((short) topic.length);
    }
    dst.put(topic)
        .putShort((short) draft.propertiesLength())
        .put(draft.propertiesArray(), draft.propertiesOffset(), draft.propertiesRangeLength())
        .put(draft.propertiesSuffix());
    return size;
  }

  /**
   * Writes the 8-byte end-of-file blank marker (TOTALSIZE = {@code remainingInFile}, MAGICCODE =
   * {@link MessageVersion#BLANK_MAGIC_CODE}) at {@code dst}'s position and advances it by 8.
   */
  public static void writeBlank(ByteBuffer dst, int remainingInFile) {
    if (remainingInFile < StoredMessageLayout.BLANK_MARKER_SIZE) {
      throw new IllegalArgumentException(
          "a blank marker covers at least 8 bytes, not " + remainingInFile);
    }
    checkRoom(dst, StoredMessageLayout.BLANK_MARKER_SIZE);
    dst.putInt(remainingInFile).putInt(MessageVersion.BLANK_MAGIC_CODE);
  }

  /**
   * Encodes a whole message as stored: every field from {@code message} verbatim (its body as the
   * stored body, its BODYCRC as recorded, its queue offset, commit-log offset and store timestamp),
   * properties encoded from its map. The host-family bits of SYSFLAG follow the hosts.
   *
   * @throws NullPointerException if topic, body or a host is missing
   */
  public static byte[] encode(MessageExt message) {
    RecordDraft draft = RecordDraft.builderFrom(message).bodyCrc(message.getBodyCrc()).build();
    ByteBuffer out = ByteBuffer.allocate(draft.encodedSize());
    encode(
        out,
        draft,
        message.getQueueOffset(),
        message.getCommitLogOffset(),
        message.getStoreTimestamp());
    return out.array();
  }

  private static void checkRoom(ByteBuffer dst, int size) {
    if (dst.order() != ByteOrder.BIG_ENDIAN) {
      throw new IllegalArgumentException("records are big-endian; the buffer is not");
    }
    if (dst.remaining() < size) {
      throw new IllegalArgumentException(
          "record of " + size + " bytes does not fit the " + dst.remaining() + " bytes left");
    }
  }
}
