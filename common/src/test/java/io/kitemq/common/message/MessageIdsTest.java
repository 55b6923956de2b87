package io.kitemq.common.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MessageIdsTest {

  @Test
  void offsetIdMatchesTheDocumentedExample() {
    String id = OffsetMessageId.encode(GoldenRecord.storeHost(), 4096);
    assertThat(id).isEqualTo("0A00000100002A9F0000000000001000");
    OffsetMessageId decoded = OffsetMessageId.decode(id);
    assertThat(decoded.storeHost()).isEqualTo(GoldenRecord.storeHost());
    assertThat(decoded.commitLogOffset()).isEqualTo(4096);
    assertThat(OffsetMessageId.decode(id.toLowerCase()).commitLogOffset()).isEqualTo(4096);
  }

  @Test
  void offsetIdOfAnIpv6HostHas56CharsAndRoundTrips() {
    var host =
        GoldenRecord.address(
            new byte[] {0x20, 1, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, 65535);
    String id = OffsetMessageId.encode(host, Long.MAX_VALUE);
    assertThat(id)
        .hasSize(56)
        .isEqualTo("20010DB80000000000000000000000010000FFFF7FFFFFFFFFFFFFFF");
    assertThat(OffsetMessageId.decode(id)).isEqualTo(new OffsetMessageId(host, Long.MAX_VALUE));
  }

  @Test
  void aBatchsIdsAreEachRecordsIdCommaJoined() {
    byte[] v4 = {10, 0, 0, 1};
    byte[] v6 = new byte[16];
    v6[0] = 0x20;
    v6[15] = 7;
    long[] offsets = {0, 4096, Long.MAX_VALUE, 0x1234_5678_9ABCL};
    for (byte[] ip : new byte[][] {v4, v6}) {
      List<String> each = new java.util.ArrayList<>();
      for (long o : offsets) {
        each.add(OffsetMessageId.encode(ip, 10911, o));
      }
      assertThat(OffsetMessageId.encodeAll(ip, 10911, offsets)).isEqualTo(String.join(",", each));
      assertThat(OffsetMessageId.encodeAll(ip, 10911, new long[] {4096})).isEqualTo(each.get(1));
    }
    assertThat(OffsetMessageId.encodeAll(v4, 1, new long[0])).isEmpty();
  }

  @Test
  void badOffsetIdsAreRefusedClearly() {
    assertThatThrownBy(() -> OffsetMessageId.decode("ABC"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 or 56");
    assertThatThrownBy(() -> OffsetMessageId.decode(null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OffsetMessageId.decode("0A00000100002A9F00000000000010G0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hex");
    assertThatThrownBy(() -> OffsetMessageId.decode("0A000001FFFFFFFF0000000000001000"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("address");
  }

  @Test
  void uniqueIdsCarryIpPidAndTime() {
    byte[] ip = {(byte) 192, (byte) 168, 1, 20};
    UniqueIdGenerator gen = new UniqueIdGenerator(ip, 0x12345, 0xCAFEBABE);
    long before = System.currentTimeMillis();
    String id = gen.next();
    long after = System.currentTimeMillis();
    assertThat(id).hasSize(32).startsWith("C0A801142345CAFEBABE").matches("[0-9A-F]+");
    assertThat(UniqueIdGenerator.ipOf(id)).isEqualTo(ip);
    assertThat(UniqueIdGenerator.pidOf(id)).isEqualTo(0x2345);
    assertThat(UniqueIdGenerator.timestampOf(id, after + 1)).isBetween(before, after);
  }

  @Test
  void aBatchGetsDistinctIdsOnlyWhereItHadNone() {
    UniqueIdGenerator gen = new UniqueIdGenerator(new byte[] {10, 0, 0, 1}, 7, 9);
    java.util.List<Message> batch = new java.util.ArrayList<>();
    for (int i = 0; i < 70; i++) {
      Message m = new Message("T", new byte[] {1});
      if (i == 5) {
        m.setUniqueId("OWN-ID");
      }
      batch.add(m);
    }
    long before = System.currentTimeMillis();
    gen.assignIfAbsent(batch);
    long after = System.currentTimeMillis();
    assertThat(batch.get(5).getUniqueId()).isEqualTo("OWN-ID");
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (Message m : batch) {
      ids.add(m.getUniqueId());
    }
    assertThat(ids).hasSize(70);
    String first = batch.get(0).getUniqueId();
    assertThat(first).hasSize(32).startsWith("0A000001000700000009");
    assertThat(UniqueIdGenerator.timestampOf(first, after + 1)).isBetween(before, after);
    // the counter goes on from where the batch left it
    int last = Integer.parseInt(batch.get(69).getUniqueId().substring(28), 16);
    assertThat(Integer.parseInt(gen.next().substring(28), 16)).isEqualTo((last + 1) & 0xFFFF);
  }

  @Test
  void aTimePartPastNowBelongsToLastMonth() {
    java.util.Calendar cal = java.util.Calendar.getInstance();
    cal.set(2026, java.util.Calendar.MARCH, 1, 0, 0, 0);
    cal.set(java.util.Calendar.MILLISECOND, 0);
    long marchStart = cal.getTimeInMillis();
    cal.set(java.util.Calendar.MONTH, java.util.Calendar.FEBRUARY);
    long februaryStart = cal.getTimeInMillis();
    long span = 20L * 24 * 3600 * 1000; // 20 days into a month
    String id = "0A000001" + "0001" + "00000000" + String.format("%08X", span) + "0000";
    long now = marchStart + 5_000;
    assertThat(UniqueIdGenerator.timestampOf(id, now)).isEqualTo(februaryStart + span);
    long later = marchStart + span + 1;
    assertThat(UniqueIdGenerator.timestampOf(id, later)).isEqualTo(marchStart + span);
  }

  @Test
  void ipv6UniqueIdsHave56Chars() {
    byte[] ip = new byte[16];
    ip[0] = 0x20;
    ip[15] = 9;
    String id = new UniqueIdGenerator(ip, 1, 2).next();
    assertThat(id).hasSize(56);
    assertThat(UniqueIdGenerator.ipOf(id)).isEqualTo(ip);
  }

  @Test
  void countersMakeIdsDistinctAcrossThreads() throws Exception {
    UniqueIdGenerator gen = UniqueIdGenerator.getDefault();
    Set<String> ids = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures =
          List.of(
              pool.submit(() -> fill(gen, ids)),
              pool.submit(() -> fill(gen, ids)),
              pool.submit(() -> fill(gen, ids)),
              pool.submit(() -> fill(gen, ids)));
      for (Future<?> f : futures) {
        f.get(20, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    // 4 x 10000 ids, fewer than the 65536 counter values, so none may collide.
    assertThat(ids).hasSize(40_000);
  }

  private static void fill(UniqueIdGenerator gen, Set<String> ids) {
    Set<String> local = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      local.add(gen.next());
    }
    ids.addAll(local);
  }

  @Test
  void malformedUniqueIdsAreRefused() {
    assertThatThrownBy(() -> UniqueIdGenerator.ipOf("1234"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 or 56");
  }

  @Test
  void tagHashIsStringHashCodeOrZero() {
    assertThat(TagHash.of(null)).isZero();
    assertThat(TagHash.of("")).isZero();
    assertThat(TagHash.of("TagA")).isEqualTo((long) "TagA".hashCode());
    assertThat(TagHash.of("polygenelubricants")).isEqualTo((long) Integer.MIN_VALUE);
  }

  @Test
  void messageQueuesOrderByTopicBrokerThenQueue() {
    MessageQueue a = new MessageQueue("A", "b1", 2);
    MessageQueue b = new MessageQueue("A", "b1", 10);
    MessageQueue c = new MessageQueue("A", "b2", 0);
    MessageQueue d = new MessageQueue("B", "a", 0);
    assertThat(new java.util.TreeSet<>(List.of(d, c, b, a))).containsExactly(a, b, c, d);
    assertThat(a)
        .isEqualTo(new MessageQueue("A", "b1", 2))
        .hasSameHashCodeAs(new MessageQueue("A", "b1", 2));
  }
}
