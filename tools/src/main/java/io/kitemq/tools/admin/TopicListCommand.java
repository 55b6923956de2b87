package io.kitemq.tools.admin;

import io.kitemq.client.ClientException;
import io.kitemq.client.admin.AdminClient;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;

/** {@code topicList}: every topic the name server knows. */
@Command(name = "topicList", description = "List all topics from the name server.")
final class TopicListCommand extends AdminSubcommand {

  @Override
  void run(AdminClient admin) throws AdminFailure, ClientException, InterruptedException {
    Set<String> topics = admin.topicList();
    if (json()) {
      printJson(Map.of("topics", topics));
    } else {
      topics.forEach(out()::println);
    }
  }
}
