package io.kitemq.tools.admin;

import io.kitemq.client.ClientException;
import io.kitemq.client.admin.AdminClient;
import io.kitemq.common.message.MessageQueue;
import io.kitemq.remoting.protocol.body.ConsumeStats;
import io.kitemq.remoting.protocol.body.ConsumerConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code consumerProgress}: with {@code -g}, the group's lag on every queue and in total; without,
 * every group's total lag and live client count.
 */
@Command(
    name = "consumerProgress",
    description = "Show consumer groups' offsets and lag (all groups without -g).")
final class ConsumerProgressCommand extends AdminSubcommand {

  @Option(
      names = {"-g", "--groupName"},
      description = "Consumer group name; without it, a summary of every group.")
  String group;

  @Option(
      names = {"-t", "--topicName"},
      description = "Only this topic (with -g).")
  String topic;

  /** One queue's progress. */
  record QueueProgress(
      String topic,
      String brokerName,
      int queueId,
      long brokerOffset,
      long consumerOffset,
      long lag,
      long lastTimestamp) {}

  /** A group's progress: its queues and the sum of their lag. */
  record GroupProgress(String group, List<QueueProgress> queues, long totalLag) {}

  /** One line of the all-groups summary. */
  record GroupSummary(String group, int clients, String messageModel, long totalLag) {}

  @Override
  void run(AdminClient admin) throws AdminFailure, ClientException, InterruptedException {
    if (group == null) {
      if (topic != null) {
        throw usage("-t needs -g");
      }
      summary(admin);
      return;
    }
    if (topic != null) {
      Topics.route(admin, topic);
    }
    GroupProgress progress = progress(admin, group, topic);
    if (progress.queues().isEmpty()) {
      throw new AdminFailure(
          "consumer group "
              + group
              + " not found"
              + (topic == null ? "" : " on topic " + topic)
              + " (no consume offsets)");
    }
    if (json()) {
      printJson(progress);
      return;
    }
    Table table =
        new Table(
            "#Topic",
            "#Broker Name",
            "#QID",
            "#Broker Offset",
            "#Consumer Offset",
            "#Diff",
            "#LastTime");
    for (QueueProgress q : progress.queues()) {
      table.row(
          q.topic(),
          q.brokerName(),
          q.queueId(),
          q.brokerOffset(),
          q.consumerOffset(),
          q.lag(),
          Times.format(q.lastTimestamp()));
    }
    table.print(out());
    out().println();
    out().println("Diff Total: " + progress.totalLag());
  }

  static GroupProgress progress(AdminClient admin, String group, String topic)
      throws ClientException, InterruptedException {
    List<QueueProgress> queues = new ArrayList<>();
    long total = 0;
    for (Map.Entry<MessageQueue, ConsumeStats.OffsetWrapper> e :
        admin.groupConsumeStats(group, topic).entrySet()) {
      ConsumeStats.OffsetWrapper w = e.getValue();
      long lag = Math.max(0, w.brokerOffset() - w.consumerOffset());
      total += lag;
      MessageQueue q = e.getKey();
      queues.add(
          new QueueProgress(
              q.topic(),
              q.brokerName(),
              q.queueId(),
              w.brokerOffset(),
              w.consumerOffset(),
              lag,
              w.lastTimestamp()));
    }
    return new GroupProgress(group, queues, total);
  }

  private void summary(AdminClient admin)
      throws AdminFailure, ClientException, InterruptedException {
    List<GroupSummary> rows = new ArrayList<>();
    for (String g : admin.consumerGroups()) {
      GroupProgress p = progress(admin, g, null);
      var connection = admin.findConsumerConnection(g, null);
      int clients = connection.map(c -> c.connectionSet().size()).orElse(0);
      String model = connection.map(ConsumerConnection::messageModel).orElse("-");
      rows.add(new GroupSummary(g, clients, model, p.totalLag()));
    }
    Table table = new Table("#Group", "#Clients", "#Model", "#Diff Total");
    rows.forEach(r -> table.row(r.group(), r.clients(), r.messageModel(), r.totalLag()));
    print(table, rows);
  }
}
