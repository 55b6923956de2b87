package io.kitemq.examples;

/**
 * What every example shares: where the name server is and the topic the basic ones use.
 *
 * <p>The name server is the first program argument, else the environment variable {@code
 * NAMESRV_ADDR} or {@code KITE_NAMESRV_ADDR}, else {@code 127.0.0.1:9876} (a node started with
 * {@code make run}).
 */
public final class Examples {

  /** The topic of the basic producer, consumer, pull and lite-pull examples. */
  public static final String TOPIC = "TopicTest";

  private Examples() {}

  /** The name server address from {@code args[0]}, the environment, or the default. */
  public static String namesrv(String[] args) {
    if (args.length > 0 && !args[0].isBlank()) {
      return args[0];
    }
    for (String key : new String[] {"NAMESRV_ADDR", "KITE_NAMESRV_ADDR"}) {
      String value = System.getenv(key);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return "127.0.0.1:9876";
  }

  /** {@code args[index]} as a positive int, or {@code fallback} when absent. */
  public static int count(String[] args, int index, int fallback) {
    if (args.length <= index) {
      return fallback;
    }
    int n = Integer.parseInt(args[index]);
    if (n <= 0) {
      throw new IllegalArgumentException("count must be positive, got " + n);
    }
    return n;
  }
}
