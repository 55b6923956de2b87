package io.kitemq.store;

import java.util.List;

/**
 * What a pull read found: the records as zero-copy {@link MessageSlice}s (in queue order), the
 * status, the offset to pull from next and the queue's bounds at read time.
 *
 * <p>The receiver owns the slices and must call {@link #release()} (or {@link #close()}) once it
 * has sent or copied them. Not thread-safe.
 */
public final class GetMessageResult implements AutoCloseable {

  private final GetMessageStatus status;
  private final List<MessageSlice> messages;
  private final long nextBeginOffset;
  private final long minOffset;
  private final long maxOffset;
  private final int totalBytes;

  public GetMessageResult(
      GetMessageStatus status,
      List<MessageSlice> messages,
      long nextBeginOffset,
      long minOffset,
      long maxOffset) {
    this.status = status;
    this.messages = List.copyOf(messages);
    this.nextBeginOffset = nextBeginOffset;
    this.minOffset = minOffset;
    this.maxOffset = maxOffset;
    int total = 0;
    for (MessageSlice m : messages) {
      total += m.size();
    }
    this.totalBytes = total;
  }

  public GetMessageStatus status() {
    return status;
  }

  public List<MessageSlice> messages() {
    return messages;
  }

  public int messageCount() {
    return messages.size();
  }

  /** Sum of the record sizes: the pull response body length. */
  public int totalBytes() {
    return totalBytes;
  }

  /** Queue offset the consumer should pull from next (corrected for out-of-range offsets). */
  public long nextBeginOffset() {
    return nextBeginOffset;
  }

  public long minOffset() {
    return minOffset;
  }

  public long maxOffset() {
    return maxOffset;
  }

  /** Releases every slice; the buffers must not be used afterwards. */
  public void release() {
    for (MessageSlice m : messages) {
      m.release();
    }
  }

  @Override
  public void close() {
    release();
  }

  @Override
  public String toString() {
    return status
        + " n="
        + messages.size()
        + " next="
        + nextBeginOffset
        + " ["
        + minOffset
        + ","
        + maxOffset
        + ")";
  }
}
