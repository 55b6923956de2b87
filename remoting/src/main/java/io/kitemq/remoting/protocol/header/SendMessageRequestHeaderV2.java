package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The SEND_MESSAGE_V2 (310), SEND_BATCH_MESSAGE (320) and SEND_REPLY_MESSAGE_V2 (325) request,
 * one-letter keys (a = producerGroup ... n = brokerName, see {@link #toV1()}).
 *
 * <p>Keys are the component names; required keys: {@code a}, {@code b}, {@code c}, {@code d},
 * {@code e}, {@code f}, {@code g}, {@code h}. Inherited keys ({@code ns}, {@code nsd}, {@code
 * bname}, {@code oway}, {@code lo}) travel in {@link #rpc()}. Primitive components are required (or
 * always written); boxed ones are optional (null = absent). Immutable.
 */
public record SendMessageRequestHeaderV2(
    String a,
    String b,
    String c,
    int d,
    int e,
    int f,
    long g,
    int h,
    String i,
    Integer j,
    Boolean k,
    Integer l,
    Boolean m,
    String n,
    RpcHeader rpc)
    implements CommandHeader {

  /** Checks that required references are present. */
  public SendMessageRequestHeaderV2 {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(c, "c");
    Objects.requireNonNull(rpc, "rpc (use RpcHeader.NONE)");
  }

  /** A header without inherited keys. */
  public SendMessageRequestHeaderV2(
      String a,
      String b,
      String c,
      int d,
      int e,
      int f,
      long g,
      int h,
      String i,
      Integer j,
      Boolean k,
      Integer l,
      Boolean m,
      String n) {
    this(a, b, c, d, e, f, g, h, i, j, k, l, m, n, RpcHeader.NONE);
  }

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "a", a);
    HeaderFields.put(extFields, "b", b);
    HeaderFields.put(extFields, "c", c);
    HeaderFields.put(extFields, "d", d);
    HeaderFields.put(extFields, "e", e);
    HeaderFields.put(extFields, "f", f);
    HeaderFields.put(extFields, "g", g);
    HeaderFields.put(extFields, "h", h);
    HeaderFields.put(extFields, "i", i);
    HeaderFields.put(extFields, "j", j);
    HeaderFields.put(extFields, "k", k);
    HeaderFields.put(extFields, "l", l);
    HeaderFields.put(extFields, "m", m);
    HeaderFields.put(extFields, "n", n);
    rpc.writeTo(extFields);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static SendMessageRequestHeaderV2 fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new SendMessageRequestHeaderV2(
        HeaderFields.requireString(extFields, "a"),
        HeaderFields.requireString(extFields, "b"),
        HeaderFields.requireString(extFields, "c"),
        HeaderFields.requireInt(extFields, "d"),
        HeaderFields.requireInt(extFields, "e"),
        HeaderFields.requireInt(extFields, "f"),
        HeaderFields.requireLong(extFields, "g"),
        HeaderFields.requireInt(extFields, "h"),
        HeaderFields.optString(extFields, "i"),
        HeaderFields.optInt(extFields, "j"),
        HeaderFields.optBool(extFields, "k"),
        HeaderFields.optInt(extFields, "l"),
        HeaderFields.optBool(extFields, "m"),
        HeaderFields.optString(extFields, "n"),
        RpcHeader.fromExtFields(extFields));
  }

  /**
   * The long-key form of this header: a..m map to producerGroup..batch, and {@code n} (broker name)
   * becomes the inherited {@code bname} (falling back to {@code rpc().bname()}).
   */
  public SendMessageRequestHeader toV1() {
    String brokerName = n != null ? n : rpc.bname();
    return new SendMessageRequestHeader(
        a, b, c, d, e, f, g, h, i, j, k, m, l, rpc.withBrokerName(brokerName));
  }

  /** The short-key form of a long-key header; its {@code bname} becomes {@code n}. */
  public static SendMessageRequestHeaderV2 fromV1(SendMessageRequestHeader v1) {
    return new SendMessageRequestHeaderV2(
        v1.producerGroup(),
        v1.topic(),
        v1.defaultTopic(),
        v1.defaultTopicQueueNums(),
        v1.queueId(),
        v1.sysFlag(),
        v1.bornTimestamp(),
        v1.flag(),
        v1.properties(),
        v1.reconsumeTimes(),
        v1.unitMode(),
        v1.maxReconsumeTimes(),
        v1.batch(),
        v1.rpc().bname(),
        v1.rpc().withBrokerName(null));
  }
}
