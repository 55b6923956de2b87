package io.kitemq.remoting.protocol.body;

/**
 * The VIEW_BROKER_STATS_DATA (315) response body: one statistics item of a broker (for example
 * TOPIC_PUT_NUMS of a topic) over the last minute, hour and day. Immutable.
 */
public record BrokerStatsData(Item statsMinute, Item statsHour, Item statsDay) {

  /**
   * @param sum events in the window
   * @param tps events per second in the window
   * @param avgpt average value per event (for size items; 0 for counts)
   */
  public record Item(long sum, double tps, double avgpt) {}
}
