package io.kitemq.client.consumer;

import io.kitemq.common.message.MessageQueue;
import java.util.List;

/**
 * A fixed list of queues, whatever the group looks like. Each member must be given a disjoint list:
 * this strategy cannot check that.
 */
public final class AllocateByConfig implements AllocateStrategy {

  private final List<MessageQueue> queues;

  public AllocateByConfig(List<MessageQueue> queues) {
    this.queues = List.copyOf(queues);
  }

  @Override
  public List<MessageQueue> allocate(
      String currentId, List<MessageQueue> all, List<String> memberIds) {
    return queues.stream().filter(all::contains).toList();
  }

  @Override
  public String name() {
    return "CONFIG";
  }
}
