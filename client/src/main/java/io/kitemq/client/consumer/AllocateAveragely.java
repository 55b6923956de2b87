package io.kitemq.client.consumer;

import io.kitemq.common.message.MessageQueue;
import java.util.List;

/**
 * Contiguous blocks: with n queues and c members, member i gets {@code n/c} queues (one more for
 * the first {@code n mod c} members), starting where member i-1's block ends. The default.
 */
public final class AllocateAveragely implements AllocateStrategy {

  @Override
  public List<MessageQueue> allocate(
      String currentId, List<MessageQueue> queues, List<String> memberIds) {
    int i = memberIds.indexOf(currentId);
    if (i < 0 || queues.isEmpty()) {
      return List.of();
    }
    int n = queues.size();
    int c = memberIds.size();
    int mod = n % c;
    int size = n <= c ? 1 : (i < mod ? n / c + 1 : n / c);
    int start = i < mod ? i * size : i * size + mod;
    int count = Math.min(size, n - start);
    return count <= 0 ? List.of() : List.copyOf(queues.subList(start, start + count));
  }

  @Override
  public String name() {
    return "AVG";
  }
}
