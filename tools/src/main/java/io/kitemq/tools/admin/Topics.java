package io.kitemq.tools.admin;

import io.kitemq.client.ClientException;
import io.kitemq.client.admin.AdminClient;
import io.kitemq.remoting.protocol.body.TopicRouteData;

/** Route lookups shared by the topic and message commands. */
final class Topics {

  private Topics() {}

  /**
   * The route of {@code topic}.
   *
   * @throws AdminFailure "no route for topic X" when the name servers do not know it
   */
  static TopicRouteData route(AdminClient admin, String topic)
      throws AdminFailure, ClientException, InterruptedException {
    return admin
        .findTopicRoute(topic)
        .orElseThrow(() -> new AdminFailure("no route for topic " + topic));
  }
}
