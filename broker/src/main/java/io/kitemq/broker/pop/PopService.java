package io.kitemq.broker.pop;

import io.kitemq.broker.processor.BrokerContext;
import io.kitemq.remoting.netty.RequestProcessor;

/**
 * Builds the POP processors over one shared lease table (see the package comment) for the broker to
 * register. Thread-safe.
 */
public final class PopService {

  private final PopMessageProcessor pop;
  private final AckMessageProcessor ack;

  public PopService(BrokerContext ctx) {
    PopLeaseTable table = new PopLeaseTable(ctx.store(), ctx.offsets());
    this.pop =
        new PopMessageProcessor(ctx, new QueuePopper(ctx, table, new DeadLetterWriter(ctx, table)));
    this.ack = new AckMessageProcessor(ctx, table);
  }

  /** Serves POP_MESSAGE. */
  public RequestProcessor popProcessor() {
    return pop;
  }

  /** Serves ACK_MESSAGE, BATCH_ACK_MESSAGE and CHANGE_MESSAGE_INVISIBLETIME. */
  public RequestProcessor ackProcessor() {
    return ack;
  }
}
