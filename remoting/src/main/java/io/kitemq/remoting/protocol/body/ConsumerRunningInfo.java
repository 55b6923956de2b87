package io.kitemq.remoting.protocol.body;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.kitemq.common.message.MessageQueue;
import java.util.List;
import java.util.Map;

/**
 * The GET_CONSUMER_RUNNING_INFO (307) response body: a consumer's settings as string properties
 * ({@code PROP_*} keys among them), its subscriptions, per owned queue its {@link ProcessQueueInfo}
 * (MessageQueue object keys as fastjson writes them), per topic its {@link ConsumeStatus}, and
 * optionally a thread dump. Null collections read as empty. Immutable.
 */
public record ConsumerRunningInfo(
    Map<String, String> properties,
    List<SubscriptionData> subscriptionSet,
    @JsonSerialize(using = ObjectKeyMapSerializer.class)
        @JsonDeserialize(keyUsing = ObjectKeyDeserializer.class)
        Map<MessageQueue, ProcessQueueInfo> mqTable,
    Map<String, ConsumeStatus> statusTable,
    String jstack) {

  public static final String PROP_NAMESERVER_ADDR = "PROP_NAMESERVER_ADDR";
  public static final String PROP_THREADPOOL_CORE_SIZE = "PROP_THREADPOOL_CORE_SIZE";
  public static final String PROP_CONSUME_ORDERLY = "PROP_CONSUMEORDERLY";
  public static final String PROP_CONSUME_TYPE = "PROP_CONSUME_TYPE";
  public static final String PROP_CLIENT_VERSION = "PROP_CLIENT_VERSION";
  public static final String PROP_CONSUMER_START_TIMESTAMP = "PROP_CONSUMER_START_TIMESTAMP";

  public ConsumerRunningInfo {
    properties = properties == null ? Map.of() : Map.copyOf(properties);
    subscriptionSet = subscriptionSet == null ? List.of() : List.copyOf(subscriptionSet);
    mqTable = mqTable == null ? Map.of() : Map.copyOf(mqTable);
    statusTable = statusTable == null ? Map.of() : Map.copyOf(statusTable);
  }

  /**
   * The state of one owned queue on the client. Field names are the official ones ({@code droped}
   * included).
   */
  public record ProcessQueueInfo(
      long commitOffset,
      long cachedMsgMinOffset,
      long cachedMsgMaxOffset,
      int cachedMsgCount,
      int cachedMsgSizeInMiB,
      long transactionMsgMinOffset,
      long transactionMsgMaxOffset,
      int transactionMsgCount,
      boolean locked,
      long tryUnlockTimes,
      long lastLockTimestamp,
      boolean droped,
      long lastPullTimestamp,
      long lastConsumeTimestamp) {}

  /** Per-topic consumption rates (0 when not measured) and the failed-message count. */
  public record ConsumeStatus(
      double pullRT,
      double pullTPS,
      double consumeRT,
      double consumeOKTPS,
      double consumeFailedTPS,
      long consumeFailedMsgs) {}
}
