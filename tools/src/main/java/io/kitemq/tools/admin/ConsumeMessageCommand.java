package io.kitemq.tools.admin;

import io.kitemq.client.ClientException;
import io.kitemq.client.admin.AdminClient;
import io.kitemq.client.consumer.PullConsumer;
import io.kitemq.client.consumer.PullResult;
import io.kitemq.client.consumer.PullStatus;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.MessageQueue;
import io.kitemq.common.topic.SystemTopics;
import io.kitemq.remoting.protocol.body.TopicStatsTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code consumeMessage}: prints up to N messages of a topic read with pull requests, without
 * committing any offset: from the first message of each queue, from a given queue offset, or the
 * newest N.
 */
@Command(
    name = "consumeMessage",
    description = "Print messages of a topic without committing offsets.")
final class ConsumeMessageCommand extends AdminSubcommand {

  private static final int PULL_BATCH = 32;

  /** Where reading starts. */
  enum From {
    begin,
    end
  }

  @Option(
      names = {"-t", "--topic"},
      required = true,
      description = "Topic name.")
  String topic;

  @Option(
      names = {"-b", "--brokerName"},
      description = "Only queues of this broker.")
  String brokerName;

  @Option(
      names = {"-i", "--queueId"},
      description = "Only this queue id.")
  Integer queueId;

  @Option(
      names = {"-o", "--offset"},
      description = "Start at this queue offset in each selected queue.")
  Long offset;

  @Option(
      names = "--from",
      defaultValue = "begin",
      description =
          "Without -o: begin (the oldest messages) or end (the newest ones); default"
              + " ${DEFAULT-VALUE}.")
  From from;

  @Option(
      names = {"-c", "--count"},
      defaultValue = "10",
      description = "Print at most this many messages (default ${DEFAULT-VALUE}).")
  int count;

  @Override
  void run(AdminClient admin) throws AdminFailure, ClientException, InterruptedException {
    if (count <= 0) {
      throw usage("count must be positive, got " + count);
    }
    if (offset != null && offset < 0) {
      throw usage("offset must not be negative, got " + offset);
    }
    Topics.route(admin, topic);
    List<Map.Entry<MessageQueue, TopicStatsTable.TopicOffset>> queues = new ArrayList<>();
    for (var e : admin.topicStats(topic).entrySet()) {
      MessageQueue q = e.getKey();
      if ((brokerName == null || brokerName.equals(q.brokerName()))
          && (queueId == null || queueId == q.queueId())) {
        queues.add(e);
      }
    }
    if (queues.isEmpty()) {
      throw new AdminFailure("topic " + topic + " has no queue matching -b/-i");
    }
    List<MessageView> read = new ArrayList<>();
    try (PullConsumer consumer =
        PullConsumer.builder()
            .namesrvAddr(namesrvAddr())
            .group(SystemTopics.TOOLS_CONSUMER_GROUP)
            .build()) {
      for (var e : queues) {
        long min = e.getValue().minOffset();
        long max = e.getValue().maxOffset();
        boolean newest = offset == null && from == From.end;
        long start = offset != null ? offset : newest ? Math.max(min, max - count) : min;
        int want = newest ? count : count - read.size();
        if (want <= 0) {
          break;
        }
        read.addAll(readQueue(consumer, e.getKey(), start, max, want));
      }
    }
    if (offset == null && from == From.end) {
      read.sort(Comparator.comparingLong(MessageView::storeTimestamp));
      read = new ArrayList<>(read.subList(Math.max(0, read.size() - count), read.size()));
    }
    if (json()) {
      printJson(read);
      return;
    }
    Table table = new Table("#Broker Name", "#QID", "#Offset", "#MsgId", "#Tags", "#Keys", "#Body");
    for (MessageView v : read) {
      table.row(
          v.brokerName(), v.queueId(), v.queueOffset(), v.msgId(), v.tags(), v.keys(), v.body());
    }
    table.print(out());
  }

  private static List<MessageView> readQueue(
      PullConsumer consumer, MessageQueue queue, long start, long max, int want)
      throws ClientException, InterruptedException {
    List<MessageView> out = new ArrayList<>();
    long next = start;
    while (out.size() < want && next < max) {
      PullResult r = consumer.pull(queue, "*", next, Math.min(PULL_BATCH, want - out.size()));
      if (r.status() != PullStatus.FOUND || r.nextBeginOffset() <= next) {
        break;
      }
      for (MessageExt m : r.messages()) {
        if (out.size() < want) {
          out.add(MessageView.of(m, queue.brokerName()));
        }
      }
      next = r.nextBeginOffset();
    }
    return out;
  }
}
