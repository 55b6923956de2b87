package io.kitemq.tools.bench;

import io.kitemq.client.ClientException;
import io.kitemq.client.admin.AdminClient;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Creates the bench topic on every cluster of the name server when it has no route yet. */
final class TopicSetup {

  private static final long ROUTE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(15);

  private TopicSetup() {}

  static void ensure(String namesrv, String topic, int queues) throws InterruptedException {
    try (AdminClient admin = AdminClient.builder().namesrvAddr(namesrv).build()) {
      if (hasRoute(admin, topic)) {
        return;
      }
      Set<String> clusters;
      try {
        clusters = admin.clusterInfo().clusterAddrTable().keySet();
      } catch (ClientException e) {
        throw new BenchException(
            "cannot reach the name server " + namesrv + ": " + e.getMessage() + " (is it running?)",
            e);
      }
      if (clusters.isEmpty()) {
        throw new BenchException("no broker is registered with the name server " + namesrv);
      }
      for (String cluster : clusters) {
        try {
          admin.createTopic(cluster, topic, queues);
        } catch (ClientException e) {
          throw new BenchException("cannot create topic " + topic + ": " + e.getMessage(), e);
        }
      }
      awaitRoute(admin, topic);
    }
  }

  private static boolean hasRoute(AdminClient admin, String topic) throws InterruptedException {
    try {
      return !admin.topicRoute(topic).queueDatas().isEmpty();
    } catch (ClientException e) {
      return false;
    }
  }

  /** The brokers register a new topic with the name servers on their own; wait for that. */
  private static void awaitRoute(AdminClient admin, String topic) throws InterruptedException {
    long deadline = System.nanoTime() + ROUTE_WAIT_NANOS;
    while (!hasRoute(admin, topic)) {
      if (System.nanoTime() - deadline > 0) {
        throw new BenchException("topic " + topic + " was created but has no route after 15 s");
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
  }
}
