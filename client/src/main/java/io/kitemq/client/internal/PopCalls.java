package io.kitemq.client.internal;

import io.kitemq.client.BrokerException;
import io.kitemq.client.ClientException;
import io.kitemq.common.message.BodyMode;
import io.kitemq.common.message.MessageConst;
import io.kitemq.common.message.MessageDecodeException;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.StoredMessageDecoder;
import io.kitemq.common.topic.SystemTopics;
import io.kitemq.remoting.netty.RemotingException;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RemotingCommandException;
import io.kitemq.remoting.protocol.RequestCode;
import io.kitemq.remoting.protocol.ResponseCode;
import io.kitemq.remoting.protocol.header.AckMessageRequestHeader;
import io.kitemq.remoting.protocol.header.ChangeInvisibleTimeRequestHeader;
import io.kitemq.remoting.protocol.header.ChangeInvisibleTimeResponseHeader;
import io.kitemq.remoting.protocol.header.PopMessageRequestHeader;
import io.kitemq.remoting.protocol.header.PopMessageResponseHeader;
import io.kitemq.remoting.protocol.header.PopReceipt;
import io.kitemq.remoting.protocol.header.RpcHeader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Synchronous POP_MESSAGE, ACK_MESSAGE and CHANGE_MESSAGE_INVISIBLETIME for the simple consumer. A
 * popped message leaves here with its receipt handle in the {@code POP_CK} property (the broker's
 * when it set one, else built from the response's {@code startOffsetInfo} as Apache's client does),
 * and its topic set to the subscribed topic (a redelivery from Apache's pop retry topic keeps the
 * retry marker in its handle). Thread-safe.
 */
public final class PopCalls {

  private final ClientInstance instance;
  private final String group;

  public PopCalls(ClientInstance instance, String group) {
    this.instance = instance;
    this.group = group;
  }

  /**
   * Pops up to {@code max} messages of {@code topic} from any queue of broker {@code brokerName}.
   *
   * @param pollMillis how long the broker may wait for a message (0: answer at once)
   * @return the messages, empty when there were none
   */
  public List<MessageExt> pop(
      String brokerName,
      String topic,
      TagExpression expression,
      int max,
      long invisibleMillis,
      long pollMillis)
      throws ClientException, InterruptedException {
    String addr = addressOf(brokerName, topic);
    PopMessageRequestHeader header =
        new PopMessageRequestHeader(
            group,
            topic,
            -1,
            max,
            invisibleMillis,
            pollMillis,
            System.currentTimeMillis(),
            PopMessageRequestHeader.INIT_MODE_MIN,
            "TAG",
            expression.text(),
            false,
            null,
            RpcHeader.ofBrokerName(brokerName));
    RemotingCommand response =
        invoke(
            addr,
            RemotingCommand.createRequest(RequestCode.POP_MESSAGE, header),
            pollMillis + instance.requestTimeoutMillis());
    int code = response.code();
    if (code == ResponseCode.PULL_NOT_FOUND.code()
        || code == ResponseCode.POLLING_TIMEOUT.code()
        || code == ResponseCode.POLLING_FULL.code()) {
      return List.of();
    }
    if (code != ResponseCode.SUCCESS.code()) {
      throw new BrokerException(code, response.remark(), addr);
    }
    PopMessageResponseHeader h;
    try {
      h = PopMessageResponseHeader.fromExtFields(response.extFieldsOrEmpty());
    } catch (RemotingCommandException e) {
      throw Responses.badHeader(e, addr);
    }
    List<MessageExt> messages;
    try {
      messages = StoredMessageDecoder.decodeAll(response.body(), BodyMode.DECOMPRESS);
    } catch (MessageDecodeException e) {
      throw new ClientException("undecodable pop body from " + addr, e);
    }
    Map<String, Long> starts = parseStartOffsets(h.startOffsetInfo(), addr);
    for (MessageExt m : messages) {
      if (m.getProperty(MessageConst.PROPERTY_POP_CK) == null) {
        String retry = retryMarker(m.getTopic());
        Long start = starts.get(retry + "@" + m.getQueueId());
        PopReceipt receipt =
            new PopReceipt(
                start != null ? start : m.getQueueOffset(),
                h.popTime(),
                h.invisibleTime(),
                h.reviveQid(),
                retry,
                brokerName,
                m.getQueueId(),
                m.getQueueOffset());
        m.putProperty(MessageConst.PROPERTY_POP_CK, receipt.format());
      }
      if (m.getProperty(MessageConst.PROPERTY_FIRST_POP_TIME) == null) {
        m.putProperty(MessageConst.PROPERTY_FIRST_POP_TIME, Long.toString(h.popTime()));
      }
      m.setTopic(topic);
    }
    return messages;
  }

  /** Acks a popped message on the broker its handle names. */
  public void ack(String topic, PopReceipt receipt) throws ClientException, InterruptedException {
    String addr = addressOf(receipt.brokerName(), topic);
    AckMessageRequestHeader header =
        new AckMessageRequestHeader(
            group,
            realTopic(topic, receipt),
            receipt.queueId(),
            receipt.format(),
            receipt.queueOffset(),
            RpcHeader.ofBrokerName(receipt.brokerName()));
    RemotingCommand response =
        invoke(
            addr,
            RemotingCommand.createRequest(RequestCode.ACK_MESSAGE, header),
            instance.requestTimeoutMillis());
    Responses.requireSuccess(response, addr);
  }

  /**
   * Makes a popped message invisible for {@code invisibleMillis} from now.
   *
   * @return the message's new receipt handle (the old one is used up)
   */
  public PopReceipt changeInvisibleTime(String topic, PopReceipt receipt, long invisibleMillis)
      throws ClientException, InterruptedException {
    String addr = addressOf(receipt.brokerName(), topic);
    ChangeInvisibleTimeRequestHeader header =
        new ChangeInvisibleTimeRequestHeader(
            group,
            realTopic(topic, receipt),
            receipt.queueId(),
            receipt.format(),
            receipt.queueOffset(),
            invisibleMillis,
            RpcHeader.ofBrokerName(receipt.brokerName()));
    RemotingCommand response =
        invoke(
            addr,
            RemotingCommand.createRequest(RequestCode.CHANGE_MESSAGE_INVISIBLETIME, header),
            instance.requestTimeoutMillis());
    Responses.requireSuccess(response, addr);
    try {
      ChangeInvisibleTimeResponseHeader h =
          ChangeInvisibleTimeResponseHeader.fromExtFields(response.extFieldsOrEmpty());
      return receipt.renewed(h.popTime(), h.invisibleTime(), h.reviveQid());
    } catch (RemotingCommandException e) {
      throw Responses.badHeader(e, addr);
    }
  }

  private String realTopic(String topic, PopReceipt receipt) {
    return switch (receipt.retry()) {
      case "1" -> SystemTopics.popRetryTopic(topic, group, false);
      case "2" -> SystemTopics.popRetryTopic(topic, group, true);
      default -> topic;
    };
  }

  /** 0 for a topic, 1 / 2 for a pop retry topic named in the V1 / V2 form. */
  private String retryMarker(String storedTopic) {
    if (storedTopic == null || !storedTopic.startsWith(SystemTopics.RETRY_GROUP_TOPIC_PREFIX)) {
      return "0";
    }
    return storedTopic.startsWith(SystemTopics.RETRY_GROUP_TOPIC_PREFIX + group + "+") ? "2" : "1";
  }

  /** {@code <retry>@<queueId>} -> first offset, from {@code "r q off;r q off"}. */
  private static Map<String, Long> parseStartOffsets(String info, String addr)
      throws ClientException {
    Map<String, Long> out = new HashMap<>();
    if (info == null || info.isEmpty()) {
      return out;
    }
    for (String part : info.split(";")) {
      String[] f = part.split(" ");
      try {
        if (f.length != 3) {
          throw new NumberFormatException("expected 3 fields");
        }
        out.put(f[0] + "@" + f[1], Long.parseLong(f[2]));
      } catch (NumberFormatException e) {
        throw new ClientException("bad startOffsetInfo [" + info + "] from " + addr, e);
      }
    }
    return out;
  }

  private String addressOf(String brokerName, String topic)
      throws ClientException, InterruptedException {
    String addr = instance.masterAddr(brokerName);
    if (addr == null) {
      instance.updateRoute(topic);
      addr = instance.masterAddr(brokerName);
    }
    if (addr == null) {
      throw new ClientException(
          "no master address for broker " + brokerName + " in the routes of " + topic);
    }
    return addr;
  }

  private RemotingCommand invoke(String addr, RemotingCommand request, long timeoutMillis)
      throws ClientException, InterruptedException {
    try {
      return instance.remoting().invokeSync(addr, request, timeoutMillis);
    } catch (RemotingException e) {
      throw new ClientException("request " + request.code() + " to " + addr + " failed", e);
    }
  }
}
