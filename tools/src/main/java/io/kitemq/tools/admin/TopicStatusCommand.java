package io.kitemq.tools.admin;

import io.kitemq.client.ClientException;
import io.kitemq.client.admin.AdminClient;
import io.kitemq.common.message.MessageQueue;
import io.kitemq.remoting.protocol.body.TopicStatsTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code topicStatus}: min and max offset and last store time of every queue of a topic. */
@Command(name = "topicStatus", description = "Show the offsets of every queue of a topic.")
final class TopicStatusCommand extends AdminSubcommand {

  @Option(
      names = {"-t", "--topic"},
      required = true,
      description = "Topic name.")
  String topic;

  /** One queue's offsets. */
  record QueueStatus(
      String brokerName, int queueId, long minOffset, long maxOffset, long lastUpdateTimestamp) {}

  @Override
  void run(AdminClient admin) throws AdminFailure, ClientException, InterruptedException {
    Topics.route(admin, topic);
    List<QueueStatus> rows = new ArrayList<>();
    for (Map.Entry<MessageQueue, TopicStatsTable.TopicOffset> e :
        admin.topicStats(topic).entrySet()) {
      TopicStatsTable.TopicOffset o = e.getValue();
      rows.add(
          new QueueStatus(
              e.getKey().brokerName(),
              e.getKey().queueId(),
              o.minOffset(),
              o.maxOffset(),
              o.lastUpdateTimestamp()));
    }
    Table table = new Table("#Broker Name", "#QID", "#Min Offset", "#Max Offset", "#Last Updated");
    for (QueueStatus r : rows) {
      table.row(
          r.brokerName(),
          r.queueId(),
          r.minOffset(),
          r.maxOffset(),
          Times.format(r.lastUpdateTimestamp()));
    }
    print(table, rows);
  }
}
