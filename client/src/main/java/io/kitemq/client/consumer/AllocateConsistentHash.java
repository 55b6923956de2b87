package io.kitemq.client.consumer;

import io.kitemq.common.message.MessageQueue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A hash ring with {@code virtualNodes} points per member (MD5 of {@code id-i}); a queue belongs to
 * the first point at or after the hash of its {@code topic/broker/queueId}. Members joining or
 * leaving move only the queues next to their points.
 */
public final class AllocateConsistentHash implements AllocateStrategy {

  private final int virtualNodes;

  public AllocateConsistentHash() {
    this(10);
  }

  public AllocateConsistentHash(int virtualNodes) {
    if (virtualNodes <= 0) {
      throw new IllegalArgumentException("virtualNodes must be positive, got " + virtualNodes);
    }
    this.virtualNodes = virtualNodes;
  }

  @Override
  public List<MessageQueue> allocate(
      String currentId, List<MessageQueue> queues, List<String> memberIds) {
    List<MessageQueue> out = new ArrayList<>();
    if (!memberIds.contains(currentId)) {
      return out;
    }
    TreeMap<Long, String> ring = new TreeMap<>();
    for (String id : memberIds) {
      for (int i = 0; i < virtualNodes; i++) {
        ring.put(hash(id + "-" + i), id);
      }
    }
    for (MessageQueue q : queues) {
      long h = hash(q.topic() + "/" + q.brokerName() + "/" + q.queueId());
      SortedMap<Long, String> tail = ring.tailMap(h);
      Map.Entry<Long, String> owner =
          tail.isEmpty()
              ? ring.firstEntry()
              : Map.entry(tail.firstKey(), tail.get(tail.firstKey()));
      if (owner.getValue().equals(currentId)) {
        out.add(q);
      }
    }
    return out;
  }

  private static long hash(String key) {
    try {
      byte[] d = MessageDigest.getInstance("MD5").digest(key.getBytes(StandardCharsets.UTF_8));
      long h = 0;
      for (int i = 0; i < 8; i++) {
        h = (h << 8) | (d[i] & 0xFF);
      }
      return h;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has MD5", e);
    }
  }

  @Override
  public String name() {
    return "CONSISTENT_HASH";
  }
}
