package io.kitemq.client.internal;

import io.kitemq.common.message.BodyMode;
import io.kitemq.common.message.MessageDecodeException;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.StoredMessageDecoder;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RemotingCommandException;
import io.kitemq.remoting.protocol.ResponseCode;
import io.kitemq.remoting.protocol.body.BodyCodec;
import io.kitemq.remoting.protocol.body.BodyCodecException;
import io.kitemq.remoting.protocol.body.ConsumeMessageDirectlyResult;
import io.kitemq.remoting.protocol.body.ConsumerRunningInfo;
import io.kitemq.remoting.protocol.body.ResetOffsetBody;
import io.kitemq.remoting.protocol.header.ConsumeMessageDirectlyResultRequestHeader;
import io.kitemq.remoting.protocol.header.GetConsumerRunningInfoRequestHeader;
import io.kitemq.remoting.protocol.header.ResetOffsetRequestHeader;
import java.nio.ByteBuffer;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers to what brokers ask a client about its consumers: GET_CONSUMER_RUNNING_INFO (307, the
 * running info, with a thread dump when asked), CONSUME_MESSAGE_DIRECTLY (309, the listener run on
 * the message in the body) and RESET_CONSUMER_CLIENT_OFFSET (220, consumption restarted from the
 * offsets in the body; not answered, as the official client). A group with no consumer here, or one
 * that does not support the query, is answered SYSTEM_ERROR. Stateless.
 */
final class BrokerQueries {

  private static final Logger LOG = LoggerFactory.getLogger(BrokerQueries.class);

  private BrokerQueries() {}

  static RemotingCommand runningInfo(Map<String, ConsumerMember> consumers, RemotingCommand request)
      throws RemotingCommandException {
    GetConsumerRunningInfoRequestHeader h =
        GetConsumerRunningInfoRequestHeader.fromExtFields(request.extFieldsOrEmpty());
    ConsumerMember member = consumers.get(h.consumerGroup());
    ConsumerRunningInfo info = member == null ? null : member.runningInfo();
    if (info == null) {
      return notHere(h.consumerGroup());
    }
    if (h.jstackEnable()) {
      info =
          new ConsumerRunningInfo(
              info.properties(),
              info.subscriptionSet(),
              info.mqTable(),
              info.statusTable(),
              threadDump());
    }
    RemotingCommand response = RemotingCommand.createResponse(ResponseCode.SUCCESS, null);
    response.setBody(BodyCodec.encode(info));
    return response;
  }

  static RemotingCommand consumeDirectly(
      Map<String, ConsumerMember> consumers, RemotingCommand request)
      throws RemotingCommandException {
    ConsumeMessageDirectlyResultRequestHeader h =
        ConsumeMessageDirectlyResultRequestHeader.fromExtFields(request.extFieldsOrEmpty());
    ConsumerMember member = consumers.get(h.consumerGroup());
    if (member == null) {
      return notHere(h.consumerGroup());
    }
    MessageExt message;
    try {
      byte[] body = request.body();
      message =
          body == null
              ? null
              : StoredMessageDecoder.decode(ByteBuffer.wrap(body), 0, BodyMode.DECOMPRESS);
    } catch (MessageDecodeException e) {
      return RemotingCommand.createResponse(
          ResponseCode.SYSTEM_ERROR, "cannot decode the message: " + e.getMessage());
    }
    if (message == null) {
      return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, "no message in the body");
    }
    ConsumeMessageDirectlyResult result = member.consumeDirectly(message, h.brokerName());
    if (result == null) {
      return notHere(h.consumerGroup());
    }
    RemotingCommand response = RemotingCommand.createResponse(ResponseCode.SUCCESS, null);
    response.setBody(BodyCodec.encode(result));
    return response;
  }

  static RemotingCommand resetOffset(Map<String, ConsumerMember> consumers, RemotingCommand request)
      throws RemotingCommandException {
    ResetOffsetRequestHeader h = ResetOffsetRequestHeader.fromExtFields(request.extFieldsOrEmpty());
    ConsumerMember member = consumers.get(h.group());
    if (member == null || request.body() == null) {
      return null;
    }
    try {
      ResetOffsetBody body = BodyCodec.decode(request.body(), ResetOffsetBody.class);
      member.resetOffsets(h.topic(), body.offsetTable());
    } catch (BodyCodecException e) {
      LOG.warn("bad RESET_CONSUMER_CLIENT_OFFSET body: {}", e.getMessage());
    }
    return null;
  }

  private static RemotingCommand notHere(String group) {
    return RemotingCommand.createResponse(
        ResponseCode.SYSTEM_ERROR,
        String.format("The Consumer Group <%s> not exist in this consumer", group));
  }

  private static String threadDump() {
    StringBuilder sb = new StringBuilder(4096);
    for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
      Thread t = e.getKey();
      sb.append("Thread: ").append(t.getName()).append(' ').append(t.getState()).append('\n');
      for (StackTraceElement frame : e.getValue()) {
        sb.append("\tat ").append(frame).append('\n');
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
