package io.kitemq.tools.bench;

/** What a bench run does. */
enum BenchMode {
  /** Each thread sends and waits for the answer. */
  SYNC,
  /** Sends without waiting, at most {@code --in-flight} unanswered. */
  ASYNC,
  /** Sends without asking for an answer. */
  ONEWAY,
  /** Each thread sends batches of {@code --batch} messages and waits for the answer. */
  BATCH,
  /** A new consumer group reads the topic from its first offset. */
  DRAIN,
  /** Sends at a fixed rate while a consumer measures send-to-receive time. */
  E2E,
  /**
   * Sends one message, retrying every 20 ms until a send succeeds or the duration passes: how long
   * a node just started takes to serve (no topic is created first: the send creates it).
   */
  READY
}
