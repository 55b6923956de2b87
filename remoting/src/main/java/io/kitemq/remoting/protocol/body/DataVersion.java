package io.kitemq.remoting.protocol.body;

/**
 * The version of a broker's topic configuration: the counter grows on every change, the timestamp
 * is the time of the last change and the state version counts master/slave role changes. The name
 * server compares versions to see whether a registration carries anything new. JSON: {@code
 * {"counter":N,"stateVersion":0,"timestamp":ms}}. Immutable.
 */
public record DataVersion(long counter, long stateVersion, long timestamp) {

  /** A fresh version at {@code timestampMillis}: counter 0, state version 0. */
  public static DataVersion initial(long timestampMillis) {
    return new DataVersion(0, 0, timestampMillis);
  }

  /** The next version: counter + 1 at {@code timestampMillis}. */
  public DataVersion next(long timestampMillis) {
    return new DataVersion(counter + 1, stateVersion, timestampMillis);
  }
}
