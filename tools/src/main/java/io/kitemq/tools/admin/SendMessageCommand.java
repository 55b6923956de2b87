package io.kitemq.tools.admin;

import io.kitemq.client.ClientException;
import io.kitemq.client.admin.AdminClient;
import io.kitemq.client.producer.Producer;
import io.kitemq.client.producer.SendResult;
import io.kitemq.common.message.Message;
import io.kitemq.common.message.MessageQueue;
import io.kitemq.common.topic.TopicValidator;
import io.kitemq.remoting.protocol.body.QueueData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sendMessage}: sends one message with a UTF-8 body, optionally to a chosen queue. */
@Command(name = "sendMessage", description = "Send one message.")
final class SendMessageCommand extends AdminSubcommand {

  /** The producer group the tool sends as. */
  static final String PRODUCER_GROUP = "KITE_ADMIN_PRODUCER";

  @Option(
      names = {"-t", "--topic"},
      required = true,
      description = "Topic name.")
  String topic;

  @Option(
      names = {"-p", "--body"},
      required = true,
      description = "Message body (UTF-8 text).")
  String body;

  @Option(
      names = {"-k", "--key"},
      description = "Message keys, space separated.")
  String keys;

  @Option(
      names = {"-c", "--tags"},
      description = "Message tag.")
  String tags;

  @Option(
      names = {"-b", "--broker"},
      description = "Send to this broker (broker name).")
  String brokerName;

  @Option(
      names = {"-i", "--qid"},
      description = "Send to this queue of the broker given with -b.")
  Integer queueId;

  /** Where the message went. */
  record Sent(
      String status,
      String msgId,
      String offsetMsgId,
      String brokerName,
      int queueId,
      long queueOffset) {}

  @Override
  void run(AdminClient admin) throws AdminFailure, ClientException, InterruptedException {
    var invalid = TopicValidator.validateTopic(topic);
    if (invalid.isPresent()) {
      throw usage("bad topic name: " + invalid.get());
    }
    if (queueId != null && brokerName == null) {
      throw usage("-i needs -b");
    }
    if (brokerName != null) {
      checkQueue(admin);
    }
    Message message = new Message(topic, tags, keys, body.getBytes(StandardCharsets.UTF_8));
    SendResult r;
    try (Producer producer =
        Producer.builder().namesrvAddr(namesrvAddr()).group(PRODUCER_GROUP).build()) {
      r =
          brokerName == null
              ? producer.send(message)
              : producer.send(message, (queues, m, arg) -> pick(queues), null);
    }
    Sent sent =
        new Sent(
            r.status().name(),
            r.msgId(),
            r.offsetMsgId(),
            r.queue().brokerName(),
            r.queue().queueId(),
            r.queueOffset());
    Table table =
        new Table(
            "#Broker Name", "#QID", "#Queue Offset", "#Send Result", "#MsgId", "#Offset MsgId");
    table.row(
        sent.brokerName(),
        sent.queueId(),
        sent.queueOffset(),
        sent.status(),
        sent.msgId(),
        sent.offsetMsgId());
    print(table, sent);
  }

  private void checkQueue(AdminClient admin)
      throws AdminFailure, ClientException, InterruptedException {
    for (QueueData q : Topics.route(admin, topic).queueDatas()) {
      if (q.brokerName().equals(brokerName)) {
        if (queueId != null && (queueId < 0 || queueId >= q.writeQueueNums())) {
          throw new AdminFailure(
              "broker "
                  + brokerName
                  + " has write queues 0.."
                  + (q.writeQueueNums() - 1)
                  + " of topic "
                  + topic
                  + ", not "
                  + queueId);
        }
        return;
      }
    }
    throw new AdminFailure("broker " + brokerName + " has no queue of topic " + topic);
  }

  /** The first writable queue of the chosen broker (and queue id), checked to exist above. */
  private MessageQueue pick(List<MessageQueue> queues) {
    for (MessageQueue q : queues) {
      if (q.brokerName().equals(brokerName) && (queueId == null || q.queueId() == queueId)) {
        return q;
      }
    }
    throw new IllegalStateException("no writable queue of " + brokerName + " for " + topic);
  }
}
