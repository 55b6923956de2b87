package io.kitemq.client.consumer;

import io.kitemq.common.message.MessageQueue;
import java.util.ArrayList;
import java.util.List;

/** Round robin: member i gets queues i, i+c, i+2c, ... */
public final class AllocateAveragelyByCircle implements AllocateStrategy {

  @Override
  public List<MessageQueue> allocate(
      String currentId, List<MessageQueue> queues, List<String> memberIds) {
    int i = memberIds.indexOf(currentId);
    List<MessageQueue> out = new ArrayList<>();
    if (i < 0) {
      return out;
    }
    for (int q = i; q < queues.size(); q += memberIds.size()) {
      out.add(queues.get(q));
    }
    return out;
  }

  @Override
  public String name() {
    return "AVG_BY_CIRCLE";
  }
}
