package io.kitemq.tools.admin;

import io.kitemq.client.ClientException;
import io.kitemq.client.admin.AdminClient;
import io.kitemq.common.topic.TopicValidator;
import io.kitemq.remoting.protocol.body.SubscriptionGroupConfig;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code updateSubGroup}: creates or updates a subscription group on one broker or on every master
 * of a cluster, then reads it back from each to show what the broker stored.
 */
@Command(name = "updateSubGroup", description = "Create or update a subscription (consumer) group.")
final class UpdateSubGroupCommand extends AdminSubcommand {

  @Option(
      names = {"-g", "--groupName"},
      required = true,
      description = "Consumer group name.")
  String group;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  @Option(
      names = {"-s", "--consumeEnable"},
      arity = "1",
      description = "Whether the group may consume (default true).")
  Boolean consumeEnable;

  @Option(
      names = {"-m", "--consumeFromMinEnable"},
      arity = "1",
      description = "Start from the min offset (default true).")
  Boolean consumeFromMin;

  @Option(
      names = {"-d", "--consumeBroadcastEnable"},
      arity = "1",
      description = "Whether broadcasting consumers are allowed (default true).")
  Boolean broadcast;

  @Option(
      names = {"-o", "--consumeMessageOrderly"},
      arity = "1",
      description = "Whether the group consumes orderly (default false).")
  Boolean orderly;

  @Option(
      names = {"-q", "--retryQueueNums"},
      description = "Queues of the group's retry topic (default 1).")
  Integer retryQueues;

  @Option(
      names = {"-r", "--retryMaxTimes"},
      description = "Retries before the dead-letter queue (default 16).")
  Integer retryMaxTimes;

  @Option(
      names = {"-i", "--brokerId"},
      description = "Broker id the group reads from (default 0).")
  Long brokerId;

  @Option(
      names = {"-w", "--whichBrokerWhenConsumeSlowly"},
      description = "Broker id suggested when the group lags (default 1).")
  Long slowBrokerId;

  @Option(
      names = {"-a", "--notifyConsumerIdsChanged"},
      arity = "1",
      description = "Tell members about membership changes (default true).")
  Boolean notify;

  /** The group as one broker stored it. */
  record Stored(String broker, SubscriptionGroupConfig config) {}

  @Override
  void run(AdminClient admin) throws AdminFailure, ClientException, InterruptedException {
    var invalid = TopicValidator.validateGroup(group);
    if (invalid.isPresent()) {
      throw usage("bad group name: " + invalid.get());
    }
    if (retryQueues != null && retryQueues < 0 || retryMaxTimes != null && retryMaxTimes < 0) {
      throw usage("-q and -r must not be negative");
    }
    SubscriptionGroupConfig config = config();
    List<Stored> stored = new ArrayList<>();
    for (String addr : target.addresses(admin)) {
      admin.updateSubscriptionGroup(addr, config);
      SubscriptionGroupConfig back = admin.subscriptionGroups(addr).get(group);
      if (back == null) {
        throw new AdminFailure("broker " + addr + " accepted group " + group + " but lists none");
      }
      stored.add(new Stored(addr, back));
    }
    Table table =
        new Table(
            "#Broker",
            "#Group",
            "#Consume",
            "#Broadcast",
            "#Orderly",
            "#Retry Queues",
            "#Retry Max",
            "#Broker Id");
    for (Stored s : stored) {
      SubscriptionGroupConfig c = s.config();
      table.row(
          s.broker(),
          c.groupName(),
          c.consumeEnable(),
          c.consumeBroadcastEnable(),
          c.consumeMessageOrderly(),
          c.retryQueueNums(),
          c.retryMaxTimes(),
          c.brokerId());
    }
    print(table, stored);
  }

  private SubscriptionGroupConfig config() {
    SubscriptionGroupConfig d = SubscriptionGroupConfig.of(group, 16);
    return new SubscriptionGroupConfig(
        group,
        consumeEnable != null ? consumeEnable : d.consumeEnable(),
        consumeFromMin != null ? consumeFromMin : d.consumeFromMinEnable(),
        broadcast != null ? broadcast : d.consumeBroadcastEnable(),
        orderly != null ? orderly : d.consumeMessageOrderly(),
        retryQueues != null ? retryQueues : d.retryQueueNums(),
        retryMaxTimes != null ? retryMaxTimes : d.retryMaxTimes(),
        brokerId != null ? brokerId : d.brokerId(),
        slowBrokerId != null ? slowBrokerId : d.whichBrokerWhenConsumeSlowly(),
        notify != null ? notify : d.notifyConsumerIdsChangedEnable(),
        d.groupSysFlag(),
        d.consumeTimeoutMinute(),
        d.attributes());
  }
}
