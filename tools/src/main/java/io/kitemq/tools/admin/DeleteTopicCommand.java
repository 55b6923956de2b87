package io.kitemq.tools.admin;

import io.kitemq.client.ClientException;
import io.kitemq.client.admin.AdminClient;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code deleteTopic}: deletes a topic from every master of a cluster and from the name servers.
 */
@Command(
    name = "deleteTopic",
    description = "Delete a topic from a cluster's brokers and the name servers.")
final class DeleteTopicCommand extends AdminSubcommand {

  @Option(
      names = {"-t", "--topic"},
      required = true,
      description = "Topic name.")
  String topic;

  @Option(
      names = {"-c", "--clusterName"},
      required = true,
      description = "Cluster to delete the topic from.")
  String cluster;

  @Override
  void run(AdminClient admin) throws AdminFailure, ClientException, InterruptedException {
    Topics.route(admin, topic);
    admin.deleteTopic(cluster, topic);
    if (json()) {
      printJson(Map.of("topic", topic, "cluster", cluster, "deleted", true));
    } else {
      out().println("deleted topic " + topic + " from cluster " + cluster);
    }
  }
}
