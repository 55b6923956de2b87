package io.kitemq.broker.pop;

import io.kitemq.broker.processor.BrokerContext;
import io.kitemq.common.message.StoredMessageLayout;
import io.kitemq.store.GetMessageResult;
import io.kitemq.store.GetMessageStatus;
import io.kitemq.store.MessageFilter;
import io.kitemq.store.MessageSlice;
import io.kitemq.store.MessageStore;
import java.nio.ByteBuffer;

/**
 * Pops one queue for one group into a {@link PopBatch}: first the expired leases (delivered again
 * with reconsumeTimes + 1, or dead-lettered past the group's retry budget), then new messages from
 * the queue's never-handed-out mark. Holds the queue's {@link QueueLeases} monitor for the whole
 * pass. Records are copied out of the store (a redelivery needs its reconsumeTimes field patched,
 * and a pop returns at most 32 messages), so the batch owns no store reference. Thread-safe.
 */
final class QueuePopper {

  /** How long a lease waits before a failed dead-letter write is tried again. */
  static final long DEAD_LETTER_RETRY_MILLIS = 5_000;

  /** Stops adding messages to one pop past this many bytes (one message always fits). */
  static final int MAX_BATCH_BYTES = 8 * 1024 * 1024;

  private final BrokerContext ctx;
  private final PopLeaseTable table;
  private final DeadLetterWriter deadLetters;

  QueuePopper(BrokerContext ctx, PopLeaseTable table, DeadLetterWriter deadLetters) {
    this.ctx = ctx;
    this.table = table;
    this.deadLetters = deadLetters;
  }

  PopLeaseTable table() {
    return table;
  }

  /** What one pass needs to know besides the queue. */
  record Request(
      String group,
      String topic,
      int initMode,
      MessageFilter filter,
      int maxMessages,
      long invisibleTime,
      int retryMaxTimes,
      long now) {}

  void pop(Request req, int queueId, PopBatch batch) {
    MessageStore store = ctx.store();
    QueueLeases leases = table.get(req.group(), req.topic(), queueId, req.initMode());
    synchronized (leases) {
      leases.dropBelow(store.getMinOffset(req.topic(), queueId));
      redeliverExpired(req, queueId, leases, batch);
      int room = req.maxMessages() - batch.count();
      int leaseRoom = QueueLeases.MAX_LEASES - leases.leasedCount();
      if (room > 0 && leaseRoom > 0 && batch.bytes() < MAX_BATCH_BYTES) {
        readNew(req, queueId, leases, Math.min(room, leaseRoom), batch);
      }
      batch.addRest(store.getMaxOffset(req.topic(), queueId) - leases.nextOffset());
    }
    table.commit(req.group(), req.topic(), queueId, leases);
  }

  private void redeliverExpired(Request req, int queueId, QueueLeases leases, PopBatch batch) {
    for (PopLease l : leases.expired(req.now(), req.maxMessages() - batch.count())) {
      byte[] record = read(req.topic(), queueId, l.offset());
      if (record == null) {
        leases.remove(l.offset());
        continue;
      }
      int next = l.reconsumeTimes() + 1;
      if (next > req.retryMaxTimes()) {
        l.holdUntil(req.now(), req.now() + DEAD_LETTER_RETRY_MILLIS);
        deadLetters.write(req.group(), req.topic(), queueId, leases, l.offset(), record, next);
        continue;
      }
      l.redeliver(req.now(), req.invisibleTime());
      ByteBuffer b = ByteBuffer.wrap(record);
      int sysFlag = b.getInt(StoredMessageLayout.SYS_FLAG_POSITION);
      b.putInt(StoredMessageLayout.reconsumeTimesPosition(sysFlag), l.reconsumeTimes());
      batch.add(queueId, l.offset(), record);
    }
  }

  private void readNew(Request req, int queueId, QueueLeases leases, int max, PopBatch batch) {
    GetMessageResult r =
        ctx.store()
            .getMessages(
                req.group(),
                req.topic(),
                queueId,
                leases.nextOffset(),
                max,
                MAX_BATCH_BYTES,
                req.filter());
    try {
      long bytes = 0;
      for (MessageSlice s : r.messages()) {
        leases.lease(s.queueOffset(), req.now(), req.invisibleTime());
        batch.add(queueId, s.queueOffset(), copy(s));
        bytes += s.size();
      }
      if (r.status() != GetMessageStatus.NO_MESSAGE_IN_QUEUE) {
        leases.advanceTo(r.nextBeginOffset());
      }
      if (r.messageCount() > 0) {
        ctx.metrics()
            .messagesOut(
                req.topic(), req.group(), queueId, leases.nextOffset(), r.messageCount(), bytes);
      }
    } finally {
      r.release();
    }
  }

  /** A copy of the record at a queue offset, or null when it is no longer stored. */
  private byte[] read(String topic, int queueId, long offset) {
    GetMessageResult r =
        ctx.store()
            .getMessages(null, topic, queueId, offset, 1, Integer.MAX_VALUE, MessageFilter.ALL);
    try {
      for (MessageSlice s : r.messages()) {
        if (s.queueOffset() == offset) {
          return copy(s);
        }
      }
      return null;
    } finally {
      r.release();
    }
  }

  private static byte[] copy(MessageSlice s) {
    byte[] out = new byte[s.size()];
    s.buffer().duplicate().position(0).get(out);
    return out;
  }
}
