package io.kitemq.tools.bench;

import java.util.List;
import java.util.function.Consumer;

/**
 * The client a bench run drives, so the same load can be sent through KiteMQ's client or through
 * the official Apache RocketMQ client. One instance sends to one topic; every method may be called
 * from several threads at once.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader} through {@link Factory}. Bodies
 * passed in are not copied: callers must not change them while a send is in flight.
 */
public interface BenchClient extends AutoCloseable {

  /** Sends one message and waits for the broker's answer. */
  void sendSync(byte[] body) throws Exception;

  /**
   * Sends one message without waiting; {@code done} runs once, on a client thread, with {@code
   * null} on success or the failure.
   */
  void sendAsync(byte[] body, Consumer<Throwable> done);

  /** Sends one message and returns once it is written to the connection (no answer). */
  void sendOneway(byte[] body) throws Exception;

  /** Sends the bodies as one batch request and waits for the broker's answer. */
  void sendBatch(List<byte[]> bodies) throws Exception;

  /**
   * Starts a push consumer of the topic in a new clustering group; {@code onBody} gets every body
   * it receives, on consumer threads.
   *
   * @param fromFirst read from the first offset of each queue, else from the last
   * @return the running consumer; closing it stops it
   */
  AutoCloseable consume(String group, boolean fromFirst, int threads, Consumer<byte[]> onBody)
      throws Exception;

  /**
   * Runs this client's own request encoding and response decoding once, without a broker, so that a
   * probe waiting for a node to start ({@code kite bench ready}) times the node, not the first use
   * of the client's codecs in its own JVM. The default does nothing.
   */
  default void warmUp() throws Exception {}

  /** Stops the producer (consumers are closed by whoever started them). */
  @Override
  void close();

  /** Makes clients of one kind; registered in {@code META-INF/services}. */
  interface Factory {

    /** The name {@code --client} selects this factory by. */
    String name();

    /** A started client sending to {@code topic} through the name servers {@code namesrv}. */
    BenchClient create(String namesrv, String topic) throws Exception;
  }
}
