package io.kitemq.client.internal;

import io.kitemq.common.message.MessageQueue;
import io.kitemq.common.topic.TopicPermission;
import io.kitemq.remoting.protocol.body.BrokerData;
import io.kitemq.remoting.protocol.body.QueueData;
import io.kitemq.remoting.protocol.body.TopicRouteData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The writable and readable queues a route offers. Stateless. */
public final class PublishQueues {

  private PublishQueues() {}

  /** Queues producers may write: WRITE perm on brokers that have a master, sorted. */
  public static List<MessageQueue> writable(String topic, TopicRouteData route) {
    Set<String> withMaster = new HashSet<>();
    for (BrokerData b : route.brokerDatas()) {
      if (b.brokerAddrs().containsKey(BrokerData.MASTER_ID)) {
        withMaster.add(b.brokerName());
      }
    }
    List<MessageQueue> out = new ArrayList<>();
    route.queueDatas().stream()
        .sorted(Comparator.comparing(QueueData::brokerName))
        .filter(q -> TopicPermission.isWriteable(q.perm()) && withMaster.contains(q.brokerName()))
        .forEach(
            q -> {
              for (int i = 0; i < q.writeQueueNums(); i++) {
                out.add(new MessageQueue(topic, q.brokerName(), i));
              }
            });
    return out;
  }

  /** Queues consumers may read: READ perm, sorted. */
  public static List<MessageQueue> readable(String topic, TopicRouteData route) {
    List<MessageQueue> out = new ArrayList<>();
    for (QueueData q : route.queueDatas()) {
      if (TopicPermission.isReadable(q.perm())) {
        for (int i = 0; i < q.readQueueNums(); i++) {
          out.add(new MessageQueue(topic, q.brokerName(), i));
        }
      }
    }
    out.sort(null);
    return out;
  }

  /**
   * The TBW102 route reshaped for a topic that does not exist yet: every queue count capped at
   * {@code defaultQueues}, so the broker creates the topic on the first send.
   */
  public static TopicRouteData fromDefaultTopic(TopicRouteData defaultRoute, int defaultQueues) {
    List<QueueData> queues = new ArrayList<>();
    for (QueueData q : defaultRoute.queueDatas()) {
      int n = Math.min(defaultQueues, q.readQueueNums());
      queues.add(new QueueData(q.brokerName(), n, n, q.perm(), q.topicSysFlag()));
    }
    return new TopicRouteData(queues, defaultRoute.brokerDatas());
  }
}
