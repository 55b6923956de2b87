package io.kitemq.client.internal;

import io.kitemq.client.ClientException;
import io.kitemq.common.message.MessageQueue;
import java.util.Collection;

/** Consumed-up-to offsets of a group, cached in memory and persisted somewhere. Thread-safe. */
public interface OffsetStore {

  /** The persisted offset of {@code queue}, or -1 when none is stored. */
  long readStored(MessageQueue queue) throws ClientException, InterruptedException;

  /** Raises the in-memory offset of {@code queue} to {@code offset} (never lowers it). */
  void update(MessageQueue queue, long offset);

  /** Sets the in-memory offset of {@code queue}, lower or higher. */
  void overwrite(MessageQueue queue, long offset);

  /** The in-memory offset, or -1. */
  long inMemory(MessageQueue queue);

  /** Persists the in-memory offsets of {@code queues}. */
  void persist(Collection<MessageQueue> queues);

  /**
   * Persists as {@link #persist} does and returns once the store has applied the offsets, or could
   * not: used when closing, so that whoever reads the offsets next reads these.
   */
  default void persistAndWait(Collection<MessageQueue> queues) throws InterruptedException {
    persist(queues);
  }

  /** Forgets {@code queue} (after persisting it). */
  void remove(MessageQueue queue);
}
