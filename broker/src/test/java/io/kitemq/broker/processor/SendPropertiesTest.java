package io.kitemq.broker.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitemq.common.message.MessageConst;
import io.kitemq.common.message.MessageProperties;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The one-pass scan must find what one {@link MessageProperties#find} per name finds. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SendPropertiesTest {

  private static final List<String> NAMES =
      List.of(
          MessageConst.PROPERTY_CLUSTER,
          MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX,
          MessageConst.PROPERTY_DELAY_TIME_LEVEL,
          MessageConst.PROPERTY_TAGS,
          MessageConst.PROPERTY_KEYS,
          "TAG",
          "KEYSX",
          MessageConst.PROPERTY_WAIT_STORE_MSG_OK,
          MessageConst.PROPERTY_MSG_REGION,
          MessageConst.PROPERTY_TRACE_SWITCH,
          MessageConst.PROPERTY_TRANSACTION_PREPARED,
          "WAITS",
          "");

  @Test
  void findsWhatASearchPerNameFindsOnRandomEncodings() {
    Random random = new Random(42);
    for (int round = 0; round < 20_000; round++) {
      byte[] props = randomEncoding(random).getBytes(StandardCharsets.UTF_8);
      SendProperties found = SendProperties.scan(props);
      assertThat(found.cluster()).isEqualTo(find(props, MessageConst.PROPERTY_CLUSTER));
      assertThat(found.uniqKey())
          .isEqualTo(find(props, MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX));
      assertThat(found.delayLevel()).isEqualTo(find(props, MessageConst.PROPERTY_DELAY_TIME_LEVEL));
      assertThat(found.tags()).isEqualTo(find(props, MessageConst.PROPERTY_TAGS));
      assertThat(found.keys()).isEqualTo(find(props, MessageConst.PROPERTY_KEYS));
      assertThat(found.waitStoreMsgOk())
          .isEqualTo(find(props, MessageConst.PROPERTY_WAIT_STORE_MSG_OK));
      assertThat(found.region()).isEqualTo(find(props, MessageConst.PROPERTY_MSG_REGION));
      assertThat(found.traceOn()).isEqualTo(find(props, MessageConst.PROPERTY_TRACE_SWITCH));
      assertThat(found.transactionPrepared())
          .isEqualTo(find(props, MessageConst.PROPERTY_TRANSACTION_PREPARED));
      assertThat(found.hasUniqKey()).isEqualTo(found.uniqKey() != null);
      assertThat(found.noFlushWait()).isEqualTo("false".equals(found.waitStoreMsgOk()));
    }
  }

  @Test
  void readsAnOfficialClientsProperties() {
    byte[] props =
        "KEYS\u0001order-1 order-2\u0002TAGS\u0001TagA\u0002UNIQ_KEY\u0001AC11000100002A9F\u0002WAIT\u0001true\u0002"
            .getBytes(StandardCharsets.UTF_8);
    SendProperties found = SendProperties.scan(props);
    assertThat(found.cluster()).isNull();
    assertThat(found.hasCluster()).isFalse();
    assertThat(found.uniqKey()).isEqualTo("AC11000100002A9F");
    assertThat(found.hasUniqKey()).isTrue();
    assertThat(found.delayLevel()).isNull();
    assertThat(found.tags()).isEqualTo("TagA");
    assertThat(found.keys()).isEqualTo("order-1 order-2");
    assertThat(found.waitStoreMsgOk()).isEqualTo("true");
    assertThat(found.noFlushWait()).isFalse();
    assertThat(found.region()).isNull();
    assertThat(found.traceOn()).isNull();
    assertThat(found.transactionPrepared()).isNull();
  }

  @Test
  void waitFalseInTheMiddleOfABatchBodyAsksForNoFlushWait() {
    byte[] entry =
        "WAIT\u0001false\u0002MSG_REGION\u0001DefaultRegion\u0002".getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[entry.length + 20];
    System.arraycopy(entry, 0, body, 10, entry.length);
    SendProperties found = SendProperties.scan(body, 10, 10 + entry.length);
    assertThat(found.noFlushWait()).isTrue();
    assertThat(found.region()).isEqualTo("DefaultRegion");
    assertThat(found.hasRegion()).isTrue();
    assertThat(SendProperties.scan(body, 10, 18).noFlushWait())
        .as("the value ends where the range ends: \"fal\"")
        .isFalse();
  }

  private static String find(byte[] props, String name) {
    return MessageProperties.find(props, 0, props.length, name);
  }

  /** Pairs of known and near-miss names, empty names and values, duplicates, missing separators. */
  private static String randomEncoding(Random random) {
    StringBuilder sb = new StringBuilder();
    int pairs = random.nextInt(6);
    for (int i = 0; i < pairs; i++) {
      sb.append(NAMES.get(random.nextInt(NAMES.size())));
      if (random.nextInt(10) > 0) {
        sb.append(MessageConst.NAME_VALUE_SEPARATOR);
      }
      // up to 40 characters, so that separators fall at every place of an eight-byte word
      int len = random.nextInt(3) == 0 ? random.nextInt(41) : random.nextInt(4);
      for (int c = 0; c < len; c++) {
        sb.append(random.nextInt(5) == 0 ? 'é' : (char) ('a' + random.nextInt(26)));
      }
      if (random.nextInt(8) == 0) {
        sb.append(random.nextBoolean() ? "false" : "true");
      }
      if (i < pairs - 1 || random.nextBoolean()) {
        sb.append(MessageConst.PROPERTY_SEPARATOR);
      }
    }
    return sb.toString();
  }
}
