package io.kitemq.benchmarks.store;

import io.kitemq.common.message.MessageConst;
import io.kitemq.common.message.MessageProperties;
import io.kitemq.common.message.RecordDraft;
import io.kitemq.store.AppendRequest;
import io.kitemq.store.DefaultMessageStore;
import io.kitemq.store.FlushDiskType;
import io.kitemq.store.MessageStoreConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/** Store set-up shared by the store benchmarks: a fresh store under java.io.tmpdir. */
final class StoreBenchSupport {

  static final InetSocketAddress BORN = new InetSocketAddress("127.0.0.1", 40000);
  static final InetSocketAddress STORE = new InetSocketAddress("127.0.0.1", 10911);

  private StoreBenchSupport() {}

  static Path tempDir() {
    try {
      return Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "kite-bench");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DefaultMessageStore open(Path root, FlushDiskType flush) {
    MessageStoreConfig config =
        MessageStoreConfig.builder()
            .storePathRootDir(root)
            .flushDiskType(flush)
            .mappedFileSizeCommitLog(256 * 1024 * 1024)
            .maxIndexNum(4_000_000)
            .maxHashSlotNum(1_000_000)
            .build();
    DefaultMessageStore store = new DefaultMessageStore(config);
    store.start();
    return store;
  }

  /** Distinct messages (own UNIQ_KEY, one of 8 tags) to cycle through. */
  static AppendRequest[] messages(int count, int bodySize, int queueId) {
    Random rnd = new Random(queueId);
    AppendRequest[] out = new AppendRequest[count];
    for (int i = 0; i < count; i++) {
      byte[] body = new byte[bodySize];
      rnd.nextBytes(body);
      Map<String, String> props = new LinkedHashMap<>();
      props.put(MessageConst.PROPERTY_TAGS, "tag" + (i % 8));
      props.put(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, String.format("%032X", i));
      RecordDraft d =
          RecordDraft.builder()
              .topic("BenchTopic")
              .queueId(queueId)
              .bornTimestamp(System.currentTimeMillis())
              .bornHost(BORN)
              .storeHost(STORE)
              .body(body)
              .propertiesBytes(MessageProperties.encodeToBytes(props))
              .build();
      out[i] = AppendRequest.of(d);
    }
    return out;
  }

  static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
