package io.kitemq.client.internal;

import io.kitemq.common.compression.CompressionType;
import io.kitemq.common.compression.Compressor;
import io.kitemq.common.message.BatchMessageCodec;
import io.kitemq.common.message.Message;
import io.kitemq.common.message.MessageConst;
import io.kitemq.common.message.MessageProperties;
import io.kitemq.common.message.MessageQueue;
import io.kitemq.common.message.MessageSysFlag;
import io.kitemq.common.topic.SystemTopics;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RequestCode;
import io.kitemq.remoting.protocol.header.SendMessageRequestHeaderV2;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A message (or batch) made ready for the wire once: body compressed when large, properties
 * encoded, retry counters moved into header keys for retry topics. {@link #request} then builds a
 * fresh SEND_MESSAGE_V2 / SEND_BATCH_MESSAGE command per attempt. Immutable.
 */
final class OutgoingMessage {

  private final String group;
  private final String topic;
  private final byte[] body;
  private final int sysFlag;
  private final int flag;
  private final String properties;
  private final Integer reconsumeTimes;
  private final Integer maxReconsumeTimes;
  private final boolean batch;
  private final String msgId;

  private OutgoingMessage(
      String group,
      String topic,
      byte[] body,
      int sysFlag,
      int flag,
      Map<String, String> props,
      boolean batch,
      String msgId) {
    this.group = group;
    this.topic = topic;
    this.body = body;
    this.sysFlag = sysFlag;
    this.flag = flag;
    this.batch = batch;
    this.msgId = msgId;
    Map<String, String> p = new LinkedHashMap<>(props);
    if (SystemTopics.isRetryTopic(topic)) {
      String rt = p.remove(MessageConst.PROPERTY_RECONSUME_TIME);
      String max = p.remove(MessageConst.PROPERTY_MAX_RECONSUME_TIMES);
      this.reconsumeTimes = rt == null ? null : Integer.valueOf(rt);
      this.maxReconsumeTimes = max == null ? null : Integer.valueOf(max);
    } else {
      this.reconsumeTimes = null;
      this.maxReconsumeTimes = null;
    }
    this.properties = MessageProperties.encode(p);
  }

  /**
   * One message; its body is ZLIB-compressed when at least {@code compressThreshold} bytes, and
   * flagged PREPARED when it carries {@code TRAN_MSG=true}.
   */
  static OutgoingMessage single(String group, Message m, int compressThreshold, int compressLevel) {
    byte[] body = m.getBody();
    int sysFlag = 0;
    if (body.length >= compressThreshold) {
      body = Compressor.of(CompressionType.ZLIB).compress(body, compressLevel);
      sysFlag |= MessageSysFlag.COMPRESSED_FLAG | MessageSysFlag.COMPRESSION_ZLIB_TYPE;
    }
    if (Boolean.parseBoolean(m.getProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED))) {
      sysFlag |= MessageSysFlag.TRANSACTION_PREPARED_TYPE;
    }
    return new OutgoingMessage(
        group, m.getTopic(), body, sysFlag, m.getFlag(), m.getProperties(), false, m.getUniqueId());
  }

  /** A batch of messages of one topic (bodies never compressed). */
  static OutgoingMessage batch(String group, String topic, List<Message> messages) {
    StringBuilder ids = new StringBuilder(messages.size() * 33);
    for (Message m : messages) {
      if (ids.length() > 0) {
        ids.append(',');
      }
      ids.append(m.getUniqueId());
    }
    Map<String, String> props = new LinkedHashMap<>();
    props.put(MessageConst.PROPERTY_WAIT_STORE_MSG_OK, "true");
    return new OutgoingMessage(
        group, topic, BatchMessageCodec.encode(messages), 0, 0, props, true, ids.toString());
  }

  String topic() {
    return topic;
  }

  /** The UNIQ_KEY (comma-joined for a batch). */
  String msgId() {
    return msgId;
  }

  RemotingCommand request(MessageQueue queue) {
    SendMessageRequestHeaderV2 header =
        new SendMessageRequestHeaderV2(
            group,
            topic,
            SystemTopics.AUTO_CREATE_TOPIC_KEY_TOPIC,
            4,
            queue.queueId(),
            sysFlag,
            System.currentTimeMillis(),
            flag,
            properties,
            reconsumeTimes,
            false,
            maxReconsumeTimes,
            batch,
            queue.brokerName());
    int code = batch ? RequestCode.SEND_BATCH_MESSAGE : RequestCode.SEND_MESSAGE_V2;
    RemotingCommand cmd = RemotingCommand.createRequest(code, header);
    cmd.setBody(body);
    return cmd;
  }
}
