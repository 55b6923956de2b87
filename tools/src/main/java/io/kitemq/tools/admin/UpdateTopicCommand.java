package io.kitemq.tools.admin;

import io.kitemq.client.ClientException;
import io.kitemq.client.admin.AdminClient;
import io.kitemq.common.topic.TopicPermission;
import io.kitemq.common.topic.TopicValidator;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code updateTopic}: creates or updates a topic on one broker or on every master of a cluster.
 */
@Command(name = "updateTopic", description = "Create or update a topic.")
final class UpdateTopicCommand extends AdminSubcommand {

  @Option(
      names = {"-t", "--topic"},
      required = true,
      description = "Topic name.")
  String topic;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  @Option(
      names = {"-r", "--readQueueNums"},
      defaultValue = "8",
      description = "Read queues (default ${DEFAULT-VALUE}).")
  int readQueues;

  @Option(
      names = {"-w", "--writeQueueNums"},
      defaultValue = "8",
      description = "Write queues (default ${DEFAULT-VALUE}).")
  int writeQueues;

  @Option(
      names = {"-p", "--perm"},
      defaultValue = "6",
      description = "Permission: 2 write, 4 read, 6 both (default ${DEFAULT-VALUE}).")
  int perm;

  @Option(
      names = {"-o", "--order"},
      defaultValue = "false",
      arity = "1",
      description = "Ordered topic, true or false (default ${DEFAULT-VALUE}).")
  boolean order;

  /** What was written where. */
  record Created(
      String topic,
      int readQueueNums,
      int writeQueueNums,
      int perm,
      boolean order,
      List<String> brokers) {}

  @Override
  void run(AdminClient admin) throws AdminFailure, ClientException, InterruptedException {
    var invalid = TopicValidator.validateTopic(topic);
    if (invalid.isPresent()) {
      throw usage("bad topic name: " + invalid.get());
    }
    if (readQueues <= 0 || writeQueues <= 0) {
      throw usage("queue counts must be positive, got -r " + readQueues + " -w " + writeQueues);
    }
    if (perm != TopicPermission.READ
        && perm != TopicPermission.WRITE
        && perm != TopicPermission.READ_WRITE) {
      throw usage("perm must be 2, 4 or 6, got " + perm);
    }
    List<String> brokers = target.addresses(admin);
    for (String addr : brokers) {
      admin.createTopic(addr, topic, readQueues, writeQueues, perm, order);
    }
    Created created = new Created(topic, readQueues, writeQueues, perm, order, brokers);
    Table table =
        new Table("#Broker", "#Topic", "#Read Queues", "#Write Queues", "#Perm", "#Order");
    for (String addr : brokers) {
      table.row(addr, topic, readQueues, writeQueues, TopicPermission.toString(perm), order);
    }
    print(table, created);
  }
}
