package io.kitemq.tools.admin;

import java.util.List;
import java.util.Map;

/**
 * One sweep of the cluster for {@code monitor}: every broker's runtime statistics, every user
 * topic's offsets and every consumer group's progress, at one instant. Rates come from two samples.
 * Immutable.
 *
 * @param nanos when the sweep started ({@link System#nanoTime()}), for rates
 * @param millis the same instant as epoch millis, for uptimes and display
 */
record MonitorSample(
    long nanos,
    long millis,
    List<Broker> brokers,
    Map<String, Topic> topics,
    Map<String, Group> groups) {

  /**
   * A broker as registered and, unless it did not answer, its GET_BROKER_RUNTIME_INFO table.
   *
   * @param error why the runtime statistics are missing, or null
   */
  record Broker(
      String cluster,
      String name,
      long brokerId,
      String addr,
      Map<String, String> info,
      String error) {}

  /**
   * A topic's queues summed.
   *
   * @param maxOffsets the sum of the queues' max offsets: grows by one per message stored
   * @param messages messages currently kept (sum of max minus min offsets)
   */
  record Topic(long maxOffsets, long messages) {}

  /**
   * A group's queues summed.
   *
   * @param lag messages stored but not yet consumed
   * @param consumerOffsets the sum of the committed offsets: grows by one per message consumed
   */
  record Group(long lag, long consumerOffsets) {}
}
