package io.kitemq.client.internal;

import io.kitemq.client.BrokerException;
import io.kitemq.client.ClientException;
import io.kitemq.client.consumer.PullResult;
import io.kitemq.client.consumer.PullStatus;
import io.kitemq.common.message.BodyMode;
import io.kitemq.common.message.MessageDecodeException;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.MessageQueue;
import io.kitemq.common.message.StoredMessageDecoder;
import io.kitemq.remoting.netty.RemotingException;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RemotingCommandException;
import io.kitemq.remoting.protocol.RequestCode;
import io.kitemq.remoting.protocol.header.PullMessageRequestHeader;
import io.kitemq.remoting.protocol.header.PullMessageResponseHeader;
import java.util.List;

/** Synchronous PULL_MESSAGE for the pull consumer, with the subscription sent in the header. */
public final class PullCalls {

  private static final int FLAG_SUSPEND = 1 << 1;
  private static final int FLAG_SUBSCRIPTION = 1 << 2;

  private final ClientInstance instance;
  private final String group;
  private final long subVersion = System.currentTimeMillis();

  public PullCalls(ClientInstance instance, String group) {
    this.instance = instance;
    this.group = group;
  }

  /**
   * Pulls up to {@code max} messages of {@code queue} from {@code offset}.
   *
   * @param suspendMillis how long the broker may hold the request when there is nothing new (0:
   *     answer at once)
   */
  public PullResult pull(
      MessageQueue queue, String expression, long offset, int max, long suspendMillis)
      throws ClientException, InterruptedException {
    return pull(queue, TagExpression.parse(expression), offset, max, suspendMillis);
  }

  /** Like {@link #pull(MessageQueue, String, long, int, long)} with a TAG or SQL92 expression. */
  public PullResult pull(
      MessageQueue queue, TagExpression expr, long offset, int max, long suspendMillis)
      throws ClientException, InterruptedException {
    if (instance.masterAddr(queue.brokerName()) == null) {
      instance.updateRoute(queue.topic());
    }
    String addr = instance.masterAddr(queue.brokerName());
    if (addr == null) {
      throw new ClientException("no master address for broker " + queue.brokerName());
    }
    int sysFlag = FLAG_SUBSCRIPTION | (suspendMillis > 0 ? FLAG_SUSPEND : 0);
    PullMessageRequestHeader header =
        new PullMessageRequestHeader(
            group,
            queue.topic(),
            queue.queueId(),
            offset,
            max,
            sysFlag,
            0,
            suspendMillis,
            expr.text(),
            subVersion,
            expr.type(),
            null,
            null,
            null);
    RemotingCommand response;
    try {
      response =
          instance
              .remoting()
              .invokeSync(
                  addr,
                  RemotingCommand.createRequest(RequestCode.PULL_MESSAGE, header),
                  suspendMillis + instance.requestTimeoutMillis());
    } catch (RemotingException e) {
      throw new ClientException("pull from " + addr + " failed", e);
    }
    PullStatus status =
        switch (response.code()) {
          case 0 -> PullStatus.FOUND;
          case 19 -> PullStatus.NO_NEW_MSG;
          case 20 -> PullStatus.NO_MATCHED_MSG;
          case 21 -> PullStatus.OFFSET_ILLEGAL;
          default -> throw new BrokerException(response.code(), response.remark(), addr);
        };
    PullMessageResponseHeader h;
    try {
      h = PullMessageResponseHeader.fromExtFields(response.extFieldsOrEmpty());
    } catch (RemotingCommandException e) {
      throw Responses.badHeader(e, addr);
    }
    List<MessageExt> messages = List.of();
    if (status == PullStatus.FOUND && response.body() != null) {
      try {
        messages = StoredMessageDecoder.decodeAll(response.body(), BodyMode.DECOMPRESS);
      } catch (MessageDecodeException e) {
        throw new ClientException("undecodable pull body from " + addr, e);
      }
      if (!expr.matchesAll()) {
        messages = messages.stream().filter(m -> expr.matches(m.getTags())).toList();
      }
    }
    return new PullResult(status, h.nextBeginOffset(), h.minOffset(), h.maxOffset(), messages);
  }
}
