package io.kitemq.tools.admin;

import io.kitemq.client.ClientException;
import io.kitemq.client.admin.AdminClient;
import io.kitemq.remoting.protocol.body.ConsumerConnection;
import io.kitemq.remoting.protocol.body.SubscriptionData;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code consumerConnection}: a group's live clients, their subscriptions and consume mode. */
@Command(
    name = "consumerConnection",
    description = "Show a consumer group's live clients and subscriptions.")
final class ConsumerConnectionCommand extends AdminSubcommand {

  @Option(
      names = {"-g", "--consumerGroup"},
      required = true,
      description = "Consumer group name.")
  String group;

  @Option(
      names = {"-b", "--brokerAddr"},
      description = "Ask this broker only (default: every master).")
  String brokerAddr;

  @Override
  void run(AdminClient admin) throws AdminFailure, ClientException, InterruptedException {
    ConsumerConnection c =
        admin
            .findConsumerConnection(group, brokerAddr)
            .orElseThrow(() -> new AdminFailure("consumer group " + group + " is not online"));
    if (json()) {
      printJson(c);
      return;
    }
    Table clients = new Table("#", "#ClientId", "#ClientAddr", "#Language", "#Version");
    int i = 1;
    for (ConsumerConnection.Connection conn : c.connectionSet()) {
      clients.row(i++, conn.clientId(), conn.clientAddr(), conn.language(), conn.version());
    }
    clients.print(out());
    out().println();
    Table subs = new Table("#Topic", "#SubExpression");
    for (SubscriptionData s : new TreeMap<>(c.subscriptionTable()).values()) {
      subs.row(s.topic(), s.subString());
    }
    subs.print(out());
    out().println();
    out().println("ConsumeType: " + c.consumeType());
    out().println("MessageModel: " + c.messageModel());
    out().println("ConsumeFromWhere: " + c.consumeFromWhere());
  }
}
