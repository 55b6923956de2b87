package io.kitemq.remoting.protocol.header;

import java.util.Objects;

/**
 * The receipt handle of a popped message: the {@code POP_CK} property the client sets on it and
 * sends back as {@code extraInfo} to ack it or change its invisible time. Eight fields separated by
 * one space:
 *
 * <pre>
 * ckQueueOffset popTime invisibleTime reviveQid retry brokerName queueId queueOffset
 *   ckQueueOffset  first offset the pop returned from that queue
 *   popTime        broker ms of the pop (or of the last change of invisible time)
 *   retry          0 = the topic itself, 1 / 2 = the group's pop retry topic (V1 / V2)
 *   queueOffset    the message's own queue offset
 * </pre>
 *
 * Immutable.
 */
public record PopReceipt(
    long ckQueueOffset,
    long popTime,
    long invisibleTime,
    int reviveQid,
    String retry,
    String brokerName,
    int queueId,
    long queueOffset) {

  /** Checks that required references are present. */
  public PopReceipt {
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(brokerName, "brokerName");
  }

  /**
   * Parses a handle.
   *
   * @throws IllegalArgumentException saying which field is missing or not a number
   */
  public static PopReceipt parse(String handle) {
    if (handle == null || handle.isBlank()) {
      throw new IllegalArgumentException("receipt handle is empty");
    }
    String[] f = handle.split(" ");
    if (f.length != 8) {
      throw new IllegalArgumentException(
          "receipt handle [" + handle + "] has " + f.length + " fields, expected 8");
    }
    return new PopReceipt(
        number(f[0], "ckQueueOffset", handle),
        number(f[1], "popTime", handle),
        number(f[2], "invisibleTime", handle),
        (int) number(f[3], "reviveQid", handle),
        f[4],
        f[5],
        (int) number(f[6], "queueId", handle),
        number(f[7], "queueOffset", handle));
  }

  private static long number(String s, String name, String handle) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "receipt handle [" + handle + "]: " + name + " [" + s + "] is not a number", e);
    }
  }

  /** The same handle after a change of invisible time answered with these values. */
  public PopReceipt renewed(long newPopTime, long newInvisibleTime, int newReviveQid) {
    return new PopReceipt(
        ckQueueOffset,
        newPopTime,
        newInvisibleTime,
        newReviveQid,
        retry,
        brokerName,
        queueId,
        queueOffset);
  }

  /** The handle text. */
  public String format() {
    return ckQueueOffset
        + " "
        + popTime
        + " "
        + invisibleTime
        + " "
        + reviveQid
        + " "
        + retry
        + " "
        + brokerName
        + " "
        + queueId
        + " "
        + queueOffset;
  }

  @Override
  public String toString() {
    return format();
  }
}
