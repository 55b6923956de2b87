package io.kitemq.tools.admin;

import io.kitemq.client.ClientException;
import io.kitemq.client.admin.AdminClient;
import io.kitemq.common.topic.TopicPermission;
import io.kitemq.remoting.protocol.body.BrokerData;
import io.kitemq.remoting.protocol.body.QueueData;
import io.kitemq.remoting.protocol.body.TopicRouteData;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code topicRoute}: the brokers and queues of a topic. */
@Command(name = "topicRoute", description = "Show a topic's route: its brokers and queues.")
final class TopicRouteCommand extends AdminSubcommand {

  @Option(
      names = {"-t", "--topic"},
      required = true,
      description = "Topic name.")
  String topic;

  @Override
  void run(AdminClient admin) throws AdminFailure, ClientException, InterruptedException {
    TopicRouteData route = Topics.route(admin, topic);
    if (json()) {
      printJson(route);
      return;
    }
    Table brokers = new Table("#Cluster Name", "#Broker Name", "#BID", "#Addr");
    for (BrokerData b : route.brokerDatas()) {
      new TreeMap<>(b.brokerAddrs())
          .forEach((id, addr) -> brokers.row(b.cluster(), b.brokerName(), id, addr));
    }
    brokers.print(out());
    out().println();
    Table queues = new Table("#Broker Name", "#Read Queues", "#Write Queues", "#Perm");
    for (QueueData q : route.queueDatas()) {
      queues.row(
          q.brokerName(),
          q.readQueueNums(),
          q.writeQueueNums(),
          TopicPermission.toString(q.perm()));
    }
    queues.print(out());
  }
}
