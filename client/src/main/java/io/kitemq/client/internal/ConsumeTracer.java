package io.kitemq.client.internal;

import io.kitemq.common.message.MessageConst;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.UniqueIdGenerator;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the SubBefore / SubAfter trace records around one listener call: before it, one SubBefore
 * per message (one request id for the call); after it, one SubAfter per message with the call's
 * cost divided among its messages, the outcome and the official ConsumeReturnType ordinal. Messages
 * stored with {@code TRACE_ON=false} are left out; a call whose messages carry no {@code
 * MSG_REGION} is not traced, as the official client does. Thread-safe.
 */
public final class ConsumeTracer {

  private final TraceDispatcher dispatcher;
  private final String group;

  /** What {@link #before} saw, handed back to {@link #after}. */
  static final class Call {
    final String requestId;
    final long timestamp;
    final List<MessageExt> traced;

    Call(String requestId, long timestamp, List<MessageExt> traced) {
      this.requestId = requestId;
      this.timestamp = timestamp;
      this.traced = traced;
    }
  }

  public ConsumeTracer(TraceDispatcher dispatcher, String group) {
    this.dispatcher = dispatcher;
    this.group = group;
  }

  /** Records SubBefore for {@code messages}; null when nothing is traced. */
  Call before(List<MessageExt> messages) {
    List<MessageExt> traced = new ArrayList<>(messages.size());
    String region = null;
    for (MessageExt m : messages) {
      if ("false".equals(m.getProperty(MessageConst.PROPERTY_TRACE_SWITCH))) {
        continue;
      }
      region = m.getProperty(MessageConst.PROPERTY_MSG_REGION);
      traced.add(m);
    }
    if (traced.isEmpty() || region == null) {
      return null;
    }
    Call call = new Call(UniqueIdGenerator.getDefault().next(), System.currentTimeMillis(), traced);
    for (MessageExt m : traced) {
      dispatcher.offer(
          TraceRecords.subBefore(
              call.timestamp,
              region,
              group,
              call.requestId,
              m.getMsgId(),
              m.getReconsumeTimes(),
              m.getKeys()));
    }
    return call;
  }

  /**
   * Records SubAfter for a call {@link #before} traced.
   *
   * @param returnType the official ConsumeReturnType ordinal (TraceRecords.RETURN_*)
   */
  void after(Call call, boolean success, int returnType) {
    if (call == null) {
      return;
    }
    long now = System.currentTimeMillis();
    int cost = (int) ((now - call.timestamp) / call.traced.size());
    for (MessageExt m : call.traced) {
      dispatcher.offer(
          TraceRecords.subAfter(
              call.requestId, m.getMsgId(), cost, success, m.getKeys(), returnType, now, group));
    }
  }
}
