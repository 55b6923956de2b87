package io.kitemq.client.internal;

import io.kitemq.common.message.MessageConst;
import java.util.ArrayList;
import java.util.List;

/**
 * Trace records in the text format of Apache RocketMQ's message trace (what its dashboard reads):
 * one record per message, fields separated by {@link #CONTENT} (char 1), each record ended by
 * {@link #FIELD} (char 2); records of one batch are concatenated into one trace message body.
 *
 * <pre>
 * Pub       type,timestamp,regionId,group,topic,msgId,tags,keys,storeHost,bodyLength,costTime,
 *           msgType,offsetMsgId,success
 * SubBefore type,timestamp,regionId,group,requestId,msgId,retryTimes,keys
 * SubAfter  type,requestId,msgId,costTime,success,keys,contextCode,timestamp,group
 * EndTransaction
 *           type,timestamp,regionId,group,topic,msgId,tags,keys,storeHost,msgType,transactionId,
 *           transactionState,fromTransactionCheck
 * </pre>
 *
 * A null field is written as {@code null}, as the official client does. Stateless.
 */
final class TraceRecords {

  static final char CONTENT = (char) 1;
  static final char FIELD = (char) 2;

  /** MessageType ordinals of the official client. */
  static final int NORMAL_MSG = 0;

  static final int TRANS_MSG_HALF = 1;
  static final int TRANS_MSG_COMMIT = 2;
  static final int DELAY_MSG = 3;

  /** ConsumeReturnType ordinals of the official client. */
  static final int RETURN_SUCCESS = 0;

  static final int RETURN_EXCEPTION = 2;
  static final int RETURN_NULL = 3;
  static final int RETURN_FAILED = 4;

  /** One encoded record and the keys the trace message is indexed under. */
  record Record(String data, List<String> keys) {}

  private TraceRecords() {}

  /** The official client's trace producer group for a user group. */
  static String traceGroup(String group) {
    return "_INNER_TRACE_PRODUCER-" + group;
  }

  static Record pub(
      long timestamp,
      String regionId,
      String group,
      String topic,
      String msgId,
      String tags,
      String keys,
      String storeHost,
      int bodyLength,
      int costTime,
      int msgType,
      String offsetMsgId,
      boolean success) {
    String data =
        join(
            "Pub",
            timestamp,
            regionId,
            group,
            topic,
            msgId,
            tags,
            keys,
            storeHost,
            bodyLength,
            costTime,
            msgType,
            offsetMsgId,
            success);
    return new Record(data, keys(msgId, keys));
  }

  static Record subBefore(
      long timestamp,
      String regionId,
      String group,
      String requestId,
      String msgId,
      int retryTimes,
      String keys) {
    String data = join("SubBefore", timestamp, regionId, group, requestId, msgId, retryTimes, keys);
    return new Record(data, keys(msgId, keys));
  }

  static Record subAfter(
      String requestId,
      String msgId,
      int costTime,
      boolean success,
      String keys,
      int contextCode,
      long timestamp,
      String group) {
    String data =
        join("SubAfter", requestId, msgId, costTime, success, keys, contextCode, timestamp, group);
    return new Record(data, keys(msgId, keys));
  }

  /**
   * The outcome of a transaction as sent to the broker; {@code state} is the LocalTransactionState
   * name (COMMIT_MESSAGE, ROLLBACK_MESSAGE, UNKNOW), the message type always TRANS_MSG_COMMIT, as
   * the official client writes it whatever the outcome.
   */
  static Record endTransaction(
      long timestamp,
      String regionId,
      String group,
      String topic,
      String msgId,
      String tags,
      String keys,
      String storeHost,
      String transactionId,
      String state,
      boolean fromTransactionCheck) {
    String data =
        join(
            "EndTransaction",
            timestamp,
            regionId,
            group,
            topic,
            msgId,
            tags,
            keys,
            storeHost,
            TRANS_MSG_COMMIT,
            transactionId,
            state,
            fromTransactionCheck);
    return new Record(data, keys(msgId, keys));
  }

  private static String join(Object... fields) {
    StringBuilder sb = new StringBuilder(128);
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        sb.append(CONTENT);
      }
      sb.append(fields[i]);
    }
    return sb.append(FIELD).toString();
  }

  private static List<String> keys(String msgId, String keys) {
    List<String> out = new ArrayList<>(2);
    out.add(msgId);
    if (keys != null && !keys.isEmpty()) {
      for (String k : keys.split(MessageConst.KEY_SEPARATOR)) {
        if (!k.isEmpty()) {
          out.add(k);
        }
      }
    }
    return out;
  }
}
