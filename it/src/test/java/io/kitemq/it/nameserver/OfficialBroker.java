package io.kitemq.it.nameserver;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.auth.config.AuthConfig;
import org.apache.rocketmq.broker.out.BrokerOuterAPI;
import org.apache.rocketmq.common.BrokerIdentity;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.protocol.DataVersion;
import org.apache.rocketmq.remoting.protocol.body.BrokerMemberGroup;
import org.apache.rocketmq.remoting.protocol.body.TopicConfigSerializeWrapper;
import org.apache.rocketmq.remoting.protocol.namesrv.RegisterBrokerResult;

/**
 * The official 5.5.0 broker's name-server client ({@link BrokerOuterAPI}, unchanged) registering a
 * fake broker identity with a fixed set of topics. Not thread-safe; {@link #close()} it.
 */
final class OfficialBroker implements AutoCloseable {

  final String cluster;
  final String name;
  final long id;
  final String addr;
  final String haAddr;
  final Map<String, TopicConfig> topics = new ConcurrentHashMap<>();
  final DataVersion dataVersion = new DataVersion();
  private final int nameServers;
  private final BrokerOuterAPI api;

  OfficialBroker(String nameServerAddr, String cluster, String name, long id, String addr) {
    this.cluster = cluster;
    this.name = name;
    this.id = id;
    this.addr = addr;
    this.haAddr = addr.replaceFirst(":\\d+$", ":10912");
    this.nameServers = nameServerAddr.split(";").length;
    this.api = new BrokerOuterAPI(new NettyClientConfig(), new AuthConfig());
    api.start();
    api.updateNameServerAddressList(nameServerAddr);
  }

  OfficialBroker topic(String topic, int read, int write, int perm) {
    topics.put(topic, new TopicConfig(topic, read, write, perm));
    return this;
  }

  /**
   * Registers (as the broker does every 30 s) with every name server and returns the first answer.
   * The broker only sends to name servers its client has already connected to, so the first calls
   * are retried until all answer.
   */
  RegisterBrokerResult register(boolean compressed) {
    TopicConfigSerializeWrapper wrapper = new TopicConfigSerializeWrapper();
    wrapper.setTopicConfigTable(new ConcurrentHashMap<>(topics));
    wrapper.setDataVersion(dataVersion);
    RegisterBrokerResult[] result = new RegisterBrokerResult[1];
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              List<RegisterBrokerResult> results =
                  api.registerBrokerAll(
                      cluster,
                      addr,
                      name,
                      id,
                      haAddr,
                      wrapper,
                      List.of(),
                      false,
                      3000,
                      false,
                      compressed,
                      new BrokerIdentity());
              if (results.size() < nameServers) {
                return false;
              }
              result[0] = results.get(0);
              return true;
            });
    return result[0];
  }

  /** The broker's QUERY_DATA_VERSION round (used when forceRegister is off). */
  List<Boolean> needRegister() {
    TopicConfigSerializeWrapper wrapper = new TopicConfigSerializeWrapper();
    wrapper.setTopicConfigTable(new ConcurrentHashMap<>(topics));
    wrapper.setDataVersion(dataVersion);
    return api.needRegister(cluster, addr, name, id, wrapper, 3000, false);
  }

  /**
   * A oneway BROKER_HEARTBEAT, as a 5.x broker in acting-master mode sends between registrations.
   */
  void heartbeat() {
    api.sendHeartbeat(cluster, addr, name, id, 3000, false);
  }

  /** REGISTER_TOPIC_IN_NAMESRV, as the broker sends when a topic is created on it. */
  void registerSingleTopic(String topic, int read, int write, int perm) {
    api.registerSingleTopicAll(name, new TopicConfig(topic, read, write, perm), 3000);
  }

  BrokerMemberGroup memberGroup() throws Exception {
    return api.syncBrokerMemberGroup(cluster, name);
  }

  void unregister() {
    api.unregisterBrokerAll(cluster, addr, name, id);
  }

  @Override
  public void close() {
    api.shutdown();
  }
}
