package io.kitemq.store;

import java.nio.ByteBuffer;

/**
 * One stored record as a slice of a mapped commit-log segment, without a copy: exactly the bytes of
 * message-format §1 as they sit on disk, position 0, limit = record size.
 *
 * <p>Lifetime: the slice stays valid until {@link #release()}, which the receiver must call exactly
 * once (usually through {@link GetMessageResult#release()}) when the bytes have been sent or
 * copied; after that the segment may be unmapped and the buffer must not be touched. Not
 * thread-safe; one owner at a time. The bytes must not be modified.
 */
public final class MessageSlice implements AutoCloseable {

  private final ByteBuffer buffer;
  private final long commitLogOffset;
  private final long queueOffset;
  private BufferOwner owner;

  public MessageSlice(
      ByteBuffer buffer, long commitLogOffset, long queueOffset, BufferOwner owner) {
    this.buffer = buffer;
    this.commitLogOffset = commitLogOffset;
    this.queueOffset = queueOffset;
    this.owner = owner;
  }

  /** The record bytes; read with absolute gets or a {@link ByteBuffer#duplicate()}. */
  public ByteBuffer buffer() {
    return buffer;
  }

  public long commitLogOffset() {
    return commitLogOffset;
  }

  /** Queue offset of the record, or -1 when it was read by commit-log offset. */
  public long queueOffset() {
    return queueOffset;
  }

  public int size() {
    return buffer.limit();
  }

  /** Gives the segment reference back; later calls do nothing. */
  public void release() {
    BufferOwner o = owner;
    if (o != null) {
      owner = null;
      o.release();
    }
  }

  /** Same as {@link #release()}, for try-with-resources. */
  @Override
  public void close() {
    release();
  }
}
