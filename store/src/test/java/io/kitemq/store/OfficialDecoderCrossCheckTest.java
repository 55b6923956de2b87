package io.kitemq.store;

import static io.kitemq.store.StoreFixture.message;
import static io.kitemq.store.StoreFixture.smallConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pull response body is the stored records concatenated; Apache RocketMQ 5.5.0's own decoder must
 * read what the store hands out, with the offsets and hosts the store assigned.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OfficialDecoderCrossCheckTest {

  @TempDir Path root;

  @Test
  void officialDecoderReadsPulledRecordsWithStoreAssignedFields() {
    DefaultMessageStore store = new DefaultMessageStore(smallConfig(root).build());
    store.start();
    try {
      for (int i = 0; i < 40; i++) {
        store
            .append(message("Cross", 1, ("body-" + i).getBytes(), "TagX", "key" + i, "UNIQ" + i, 0))
            .join();
      }
      try (GetMessageResult r =
          store.getMessages(null, "Cross", 1, 5, 10, 1 << 20, MessageFilter.ALL)) {
        ByteBuffer body = ByteBuffer.allocate(r.totalBytes());
        for (MessageSlice m : r.messages()) {
          body.put(m.buffer().duplicate());
        }
        body.flip();
        List<MessageExt> decoded = MessageDecoder.decodes(body);
        assertThat(decoded).hasSize(10);
        for (int i = 0; i < 10; i++) {
          MessageExt e = decoded.get(i);
          MessageSlice m = r.messages().get(i);
          assertThat(e.getTopic()).isEqualTo("Cross");
          assertThat(e.getQueueId()).isEqualTo(1);
          assertThat(e.getQueueOffset()).isEqualTo(5 + i);
          assertThat(e.getCommitLogOffset()).isEqualTo(m.commitLogOffset());
          assertThat(new String(e.getBody(), StandardCharsets.UTF_8)).isEqualTo("body-" + (5 + i));
          assertThat(e.getTags()).isEqualTo("TagX");
          assertThat(e.getKeys()).isEqualTo("key" + (5 + i));
          assertThat(e.getMsgId()).isEqualTo("UNIQ" + (5 + i));
          assertThat(((InetSocketAddress) e.getStoreHost()).getPort()).isEqualTo(10911);
          assertThat(e.getStoreSize()).isEqualTo(m.size());
        }
      }
    } finally {
      store.shutdown();
    }
  }
}
