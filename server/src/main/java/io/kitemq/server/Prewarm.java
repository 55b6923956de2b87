package io.kitemq.server;

import io.kitemq.common.topic.TopicConfig;
import io.kitemq.common.topic.TopicPermission;
import io.kitemq.remoting.protocol.body.BodyCodec;
import io.kitemq.remoting.protocol.body.BodyCodecException;
import io.kitemq.remoting.protocol.body.BrokerData;
import io.kitemq.remoting.protocol.body.DataVersion;
import io.kitemq.remoting.protocol.body.QueueData;
import io.kitemq.remoting.protocol.body.RegisterBrokerBody;
import io.kitemq.remoting.protocol.body.TopicConfigSerializeWrapper;
import io.kitemq.remoting.protocol.body.TopicRouteData;
import java.util.List;
import java.util.Map;

/**
 * Loads and initialises, on a second thread, the JSON codec of command bodies, which a node's start
 * needs late on its main thread (the broker encodes its registration body, the name server decodes
 * it), and which the name server's first route answer needs right after: about a tenth of a second
 * of class loading and introspection the first time. That work is CPU-bound and the main thread
 * keeps one core busy reading configuration, setting up logging and binding ports, so doing it on
 * the other core takes it off the start's critical path.
 *
 * <p>It changes nothing a node does: the codec's caches fill the same way whichever thread fills
 * them first.
 */
final class Prewarm {

  private Prewarm() {}

  /** Starts the work on a daemon thread and returns at once. */
  static void start() {
    Thread t = new Thread(Prewarm::run, "kite-prewarm");
    t.setDaemon(true);
    t.start();
  }

  private static void run() {
    TopicConfigSerializeWrapper topics =
        new TopicConfigSerializeWrapper(
            Map.of("kite-prewarm", TopicConfig.of("kite-prewarm")), DataVersion.initial(0));
    byte[] body = new RegisterBrokerBody(topics, List.of()).encode(false);
    try {
      RegisterBrokerBody.decode(body, false);
    } catch (BodyCodecException e) {
      // The codec reads what it wrote; if it ever did not, the node's own registration reports it.
      throw new IllegalStateException("the body codec cannot read its own output", e);
    }
    // The name server's answer to a client's first route query, which a producer waits for.
    BodyCodec.encode(
        new TopicRouteData(
            List.of(new QueueData("kite-prewarm", 1, 1, TopicPermission.READ_WRITE, 0)),
            List.of(new BrokerData("kite-prewarm", "kite-prewarm", Map.of(0L, "127.0.0.1:1")))));
  }
}
