package io.kitemq.tools.admin;

import io.kitemq.client.ClientException;
import io.kitemq.client.admin.AdminClient;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.OffsetMessageId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code queryMsgById}: one message by its offset id (asked of the broker the id names) or, with
 * {@code -t}, by its client id (searched in the unique-key index of every broker of the topic).
 */
@Command(
    name = "queryMsgById",
    description = "Show a message by its offset id, or by its client id with -t.")
final class QueryMsgByIdCommand extends AdminSubcommand {

  @Option(
      names = {"-i", "--msgId"},
      required = true,
      description = "Offset message id, or the client message id (then -t is needed).")
  String msgId;

  @Option(
      names = {"-t", "--topic"},
      description = "Topic to search when the id is a client message id.")
  String topic;

  @Override
  void run(AdminClient admin) throws AdminFailure, ClientException, InterruptedException {
    MessageExt m;
    if (isOffsetId(msgId)) {
      m = admin.viewMessage(msgId);
    } else if (topic != null) {
      Topics.route(admin, topic);
      m = admin.queryMessageByUniqueKey(topic, msgId);
    } else {
      throw usage(
          msgId + " is not an offset message id; give the topic (-t) to search by client id");
    }
    MessageView view = MessageView.of(m, null);
    if (json()) {
      printJson(view);
    } else {
      view.printDetail(out());
    }
  }

  private static boolean isOffsetId(String id) {
    try {
      OffsetMessageId.decode(id);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
