package io.kitemq.client.internal;

import io.kitemq.client.ClientException;
import io.kitemq.remoting.netty.RemotingException;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RequestCode;
import io.kitemq.remoting.protocol.body.KvTable;
import io.kitemq.remoting.protocol.body.TopicList;
import java.util.Map;
import java.util.Set;

/** The read requests behind the admin client's listing calls (topics, broker runtime figures). */
public final class ConsoleQueries {

  private final ClientInstance instance;

  public ConsoleQueries(ClientInstance instance) {
    this.instance = instance;
  }

  /** GET_ALL_TOPIC_LIST_FROM_NAMESERVER (206). */
  public Set<String> topicList() throws ClientException, InterruptedException {
    RemotingCommand response =
        instance.invokeNameServer(
            () -> RemotingCommand.createRequest(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER));
    Responses.requireSuccess(response, "name server");
    return Responses.body(response, TopicList.class, "name server").topicList();
  }

  /** GET_BROKER_RUNTIME_INFO (28) of the broker at {@code addr}. */
  public Map<String, String> brokerRuntimeInfo(String addr)
      throws ClientException, InterruptedException {
    RemotingCommand response;
    try {
      response =
          Responses.requireSuccess(
              instance
                  .remoting()
                  .invokeSync(
                      addr,
                      RemotingCommand.createRequest(RequestCode.GET_BROKER_RUNTIME_INFO),
                      instance.requestTimeoutMillis()),
              addr);
    } catch (RemotingException e) {
      throw new ClientException("runtime info request to " + addr + " failed", e);
    }
    return Responses.body(response, KvTable.class, addr).table();
  }
}
