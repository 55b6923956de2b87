package io.kitemq.broker.transaction;

import io.kitemq.common.message.MessageConst;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.MessageProperties;
import io.kitemq.common.message.MessageSysFlag;
import io.kitemq.common.message.RecordDraft;
import io.kitemq.common.topic.SystemTopics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The record shapes of the transaction protocol, as Apache RocketMQ stores them.
 *
 * <ul>
 *   <li>Half message: in {@value SystemTopics#TRANS_HALF_TOPIC} queue 0, its transaction bits
 *       cleared (so it takes a queue offset there), the destination kept in {@code REAL_TOPIC} /
 *       {@code REAL_QID}, its UNIQ_KEY copied to {@code __transactionId__}.
 *   <li>Op record: in {@value SystemTopics#TRANS_OP_HALF_TOPIC} queue 0 (the half's queue), tag
 *       {@value #REMOVE_TAG}, body the ASCII half-queue offsets it settles, each followed by {@code
 *       ','} (e.g. {@code "17,"}).
 *   <li>Committed message: the half's fields back in the real topic and queue, {@code TRAN_MSG},
 *       {@code REAL_TOPIC} and {@code REAL_QID} removed, the transaction bits set to COMMIT and the
 *       half's commit-log offset as PREPARED TRANSACTION OFFSET.
 * </ul>
 *
 * Stateless.
 */
final class HalfMessages {

  static final String REMOVE_TAG = "d";

  private HalfMessages() {}

  /** The half's properties: destination and transaction id added, any delay level dropped. */
  static byte[] halfProperties(byte[] props, String realTopic, int realQueueId) {
    Map<String, String> map = MessageProperties.decode(props, 0, props.length);
    map.remove(MessageConst.PROPERTY_DELAY_TIME_LEVEL);
    String uniq = map.get(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
    if (uniq != null && !uniq.isEmpty()) {
      map.put(MessageConst.PROPERTY_TRANSACTION_ID, uniq);
    }
    map.put(MessageConst.PROPERTY_REAL_TOPIC, realTopic);
    map.put(MessageConst.PROPERTY_REAL_QUEUE_ID, Integer.toString(realQueueId));
    return MessageProperties.encodeToBytes(map);
  }

  /** The sysflag of a half record: transaction bits cleared. */
  static int halfSysFlag(int sysFlag) {
    return MessageSysFlag.withTransactionType(sysFlag, MessageSysFlag.TRANSACTION_NOT_TYPE);
  }

  /**
   * The message a commit stores in the real topic.
   *
   * @throws IllegalArgumentException if the half lacks a valid REAL_TOPIC / REAL_QID
   */
  static RecordDraft committed(MessageExt half) {
    String topic = half.getProperty(MessageConst.PROPERTY_REAL_TOPIC);
    int queueId = realQueueId(half);
    if (topic == null) {
      throw new IllegalArgumentException(
          "half message without " + MessageConst.PROPERTY_REAL_TOPIC);
    }
    Map<String, String> props = new LinkedHashMap<>(half.getProperties());
    props.remove(MessageConst.PROPERTY_TRANSACTION_PREPARED);
    props.remove(MessageConst.PROPERTY_REAL_TOPIC);
    props.remove(MessageConst.PROPERTY_REAL_QUEUE_ID);
    return RecordDraft.builderFrom(half)
        .topic(topic)
        .queueId(queueId)
        .sysFlag(
            MessageSysFlag.withTransactionType(
                half.getSysFlag(), MessageSysFlag.TRANSACTION_COMMIT_TYPE))
        .preparedTransactionOffset(half.getCommitLogOffset())
        .propertiesBytes(MessageProperties.encodeToBytes(props))
        .build();
  }

  static int realQueueId(MessageExt half) {
    String qid = half.getProperty(MessageConst.PROPERTY_REAL_QUEUE_ID);
    try {
      return qid == null ? 0 : Integer.parseInt(qid.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "bad " + MessageConst.PROPERTY_REAL_QUEUE_ID + ": " + qid, e);
    }
  }

  /** How many times the half was checked already (0 when never). */
  static int checkTimes(MessageExt half) {
    String v = half.getProperty(MessageConst.PROPERTY_TRANSACTION_CHECK_TIMES);
    if (v == null) {
      return 0;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The op-record body settling one half-queue offset. */
  static byte[] opBody(long halfQueueOffset) {
    return (halfQueueOffset + ",").getBytes(StandardCharsets.US_ASCII);
  }

  /** The half-queue offsets an op record settles; malformed entries are skipped. */
  static List<Long> parseOpBody(byte[] body) {
    List<Long> out = new ArrayList<>();
    if (body == null) {
      return out;
    }
    for (String part : new String(body, StandardCharsets.US_ASCII).split(",")) {
      String t = part.trim();
      // Anything but a decimal offset is not ours to interpret: nothing to settle.
      if (!t.isEmpty() && t.length() < 19 && t.chars().allMatch(Character::isDigit)) {
        out.add(Long.parseLong(t));
      }
    }
    return out;
  }
}
