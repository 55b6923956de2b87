package io.kitemq.store;

import java.util.List;

/**
 * Messages found by key or unique id, newest first, as zero-copy slices (see {@link MessageSlice}
 * for their lifetime), plus the index's last update time and offset that a QUERY_MESSAGE response
 * header carries. The receiver must {@link #release()} it. Not thread-safe.
 */
public final class QueryMessageResult implements AutoCloseable {

  private final List<MessageSlice> messages;
  private final long indexLastUpdateTimestamp;
  private final long indexLastUpdatePhyOffset;

  public QueryMessageResult(
      List<MessageSlice> messages, long indexLastUpdateTimestamp, long indexLastUpdatePhyOffset) {
    this.messages = List.copyOf(messages);
    this.indexLastUpdateTimestamp = indexLastUpdateTimestamp;
    this.indexLastUpdatePhyOffset = indexLastUpdatePhyOffset;
  }

  public List<MessageSlice> messages() {
    return messages;
  }

  public long indexLastUpdateTimestamp() {
    return indexLastUpdateTimestamp;
  }

  public long indexLastUpdatePhyOffset() {
    return indexLastUpdatePhyOffset;
  }

  public void release() {
    for (MessageSlice m : messages) {
      m.release();
    }
  }

  @Override
  public void close() {
    release();
  }
}
