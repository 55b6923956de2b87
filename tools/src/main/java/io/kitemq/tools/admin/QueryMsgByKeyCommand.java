package io.kitemq.tools.admin;

import io.kitemq.client.ClientException;
import io.kitemq.client.admin.AdminClient;
import io.kitemq.common.message.MessageExt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code queryMsgByKey}: the messages of a topic carrying a key, from the key index of every broker
 * of the topic; show one in full with {@code queryMsgById -i <offset msg id>}.
 */
@Command(name = "queryMsgByKey", description = "List a topic's messages that carry a key.")
final class QueryMsgByKeyCommand extends AdminSubcommand {

  @Option(
      names = {"-t", "--topic"},
      required = true,
      description = "Topic name.")
  String topic;

  @Option(
      names = {"-k", "--msgKey"},
      required = true,
      description = "Message key.")
  String key;

  @Option(
      names = {"-b", "--beginTimestamp"},
      defaultValue = "0",
      description = "Earliest store time, epoch ms (default ${DEFAULT-VALUE}).")
  long begin;

  @Option(
      names = {"-e", "--endTimestamp"},
      defaultValue = "" + Long.MAX_VALUE,
      description = "Latest store time, epoch ms (default: no limit).")
  long end;

  @Option(
      names = {"-m", "--maxNum"},
      defaultValue = "64",
      description = "At most this many messages per broker (default ${DEFAULT-VALUE}).")
  int maxNum;

  @Override
  void run(AdminClient admin) throws AdminFailure, ClientException, InterruptedException {
    if (maxNum <= 0) {
      throw usage("maxNum must be positive, got " + maxNum);
    }
    Topics.route(admin, topic);
    List<MessageView> found = new ArrayList<>();
    for (MessageExt m : admin.queryMessageByKey(topic, key, maxNum, begin, end)) {
      found.add(MessageView.of(m, null));
    }
    found.sort(Comparator.comparingLong(MessageView::storeTimestamp));
    Table table = new Table("#Message ID", "#Offset Msg ID", "#QID", "#Offset", "#Store Time");
    for (MessageView v : found) {
      table.row(
          v.msgId(),
          v.offsetMsgId(),
          v.queueId(),
          v.queueOffset(),
          Times.format(v.storeTimestamp()));
    }
    print(table, found);
  }
}
