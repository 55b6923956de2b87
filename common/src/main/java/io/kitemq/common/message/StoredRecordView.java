package io.kitemq.common.message;

import io.kitemq.common.util.Crc;
import java.nio.ByteBuffer;

/**
 * A validated, zero-copy view of one stored record in a buffer, for the store's dispatch and
 * recovery: fixed fields are read on demand, variable parts are located, and one property can be
 * looked up without decoding the rest. Nothing is copied when the view is made.
 *
 * <p>The view keeps a reference to the caller's buffer (it never releases it) and reads it with
 * absolute gets; it is valid only while those bytes stay unchanged. Not thread-safe if the buffer
 * is being written concurrently at this position.
 */
public final class StoredRecordView {

  private final ByteBuffer buffer;
  private final RecordFrame frame;

  private StoredRecordView(ByteBuffer buffer, RecordFrame frame) {
    this.buffer = buffer;
    this.frame = frame;
  }

  /**
   * Views the record at absolute {@code position}, checking its structure as a decode would.
   *
   * @throws MessageDecodeException if the record is truncated, inconsistent or not a message
   */
  public static StoredRecordView of(ByteBuffer buffer, int position) {
    return new StoredRecordView(buffer, RecordFrame.parse(buffer, position));
  }

  public int position() {
    return frame.start;
  }

  public int totalSize() {
    return frame.totalSize;
  }

  public MessageVersion version() {
    return frame.version;
  }

  public int sysFlag() {
    return frame.sysFlag;
  }

  public int bodyCrc() {
    return buffer.getInt(frame.start + StoredMessageLayout.BODY_CRC_POSITION);
  }

  public int queueId() {
    return buffer.getInt(frame.start + StoredMessageLayout.QUEUE_ID_POSITION);
  }

  public int flag() {
    return buffer.getInt(frame.start + StoredMessageLayout.FLAG_POSITION);
  }

  public long queueOffset() {
    return buffer.getLong(frame.start + StoredMessageLayout.QUEUE_OFFSET_POSITION);
  }

  public long physicalOffset() {
    return buffer.getLong(frame.start + StoredMessageLayout.PHYSICAL_OFFSET_POSITION);
  }

  public long bornTimestamp() {
    return buffer.getLong(frame.start + StoredMessageLayout.BORN_TIMESTAMP_POSITION);
  }

  public long storeTimestamp() {
    return buffer.getLong(frame.start + StoredMessageLayout.storeTimestampPosition(frame.sysFlag));
  }

  public int reconsumeTimes() {
    return buffer.getInt(frame.start + StoredMessageLayout.reconsumeTimesPosition(frame.sysFlag));
  }

  public long preparedTransactionOffset() {
    return buffer.getLong(
        frame.start + StoredMessageLayout.preparedTransactionOffsetPosition(frame.sysFlag));
  }

  /** Absolute position of the body in the buffer. */
  public int bodyPosition() {
    return frame.bodyPosition;
  }

  public int bodyLength() {
    return frame.bodyLength;
  }

  /** Absolute position of the topic bytes in the buffer. */
  public int topicPosition() {
    return frame.topicPosition;
  }

  public int topicLength() {
    return frame.topicLength;
  }

  /** Absolute position of the encoded properties in the buffer. */
  public int propertiesPosition() {
    return frame.propertiesPosition;
  }

  public int propertiesLength() {
    return frame.propertiesLength;
  }

  /** The topic, decoded (allocates the string). */
  public String topic() {
    return Utf8.read(buffer, frame.topicPosition, frame.topicLength);
  }

  /** One property's value, or null, looked up in the encoded bytes. */
  public String property(String name) {
    return MessageProperties.find(buffer, frame.propertiesPosition, frame.propertiesLength, name);
  }

  /** The consume-queue tag code: hash of TAGS, 0 without one. */
  public long tagsCode() {
    return TagHash.of(property(MessageConst.PROPERTY_TAGS));
  }

  /** Whether the body matches BODYCRC (computed over the buffer, no copy). */
  public boolean bodyCrcMatches() {
    return Crc.crc32(buffer, frame.bodyPosition, frame.bodyLength) == bodyCrc();
  }
}
