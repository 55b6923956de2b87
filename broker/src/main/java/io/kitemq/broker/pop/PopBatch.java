package io.kitemq.broker.pop;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The messages one pop hands out, grouped per queue in ascending offset order, and the response
 * parts made of them: the body (the records concatenated, queue by queue) and the {@code
 * startOffsetInfo} / {@code msgOffsetInfo} strings (see {@link
 * io.kitemq.remoting.protocol.header.PopMessageResponseHeader}). Not thread-safe; one pop owns it.
 */
final class PopBatch {

  /** The records of the topic itself, never of a retry topic (first field of the info strings). */
  private static final String NORMAL_TOPIC = "0";

  private final Map<Integer, TreeMap<Long, byte[]>> byQueue = new TreeMap<>();
  private int count;
  private long bytes;
  private long restNum;

  /** Adds one record (a private copy: the batch owns it). */
  void add(int queueId, long offset, byte[] record) {
    if (byQueue.computeIfAbsent(queueId, q -> new TreeMap<>()).put(offset, record) == null) {
      count++;
      bytes += record.length;
    }
  }

  void addRest(long n) {
    restNum += Math.max(0, n);
  }

  int count() {
    return count;
  }

  long bytes() {
    return bytes;
  }

  long restNum() {
    return restNum;
  }

  String startOffsetInfo() {
    List<String> parts = new ArrayList<>();
    byQueue.forEach(
        (q, records) -> {
          if (!records.isEmpty()) {
            parts.add(NORMAL_TOPIC + " " + q + " " + records.firstKey());
          }
        });
    return String.join(";", parts);
  }

  String msgOffsetInfo() {
    List<String> parts = new ArrayList<>();
    byQueue.forEach(
        (q, records) -> {
          if (!records.isEmpty()) {
            StringBuilder b = new StringBuilder(NORMAL_TOPIC).append(' ').append(q).append(' ');
            boolean first = true;
            for (long offset : records.keySet()) {
              if (!first) {
                b.append(',');
              }
              b.append(offset);
              first = false;
            }
            parts.add(b.toString());
          }
        });
    return String.join(";", parts);
  }

  /** The response body; the caller hands it to the response (which releases it). */
  ByteBuf body() {
    List<byte[]> all = new ArrayList<>(count);
    byQueue.values().forEach(records -> all.addAll(records.values()));
    return Unpooled.wrappedBuffer(all.toArray(new byte[0][]));
  }
}
