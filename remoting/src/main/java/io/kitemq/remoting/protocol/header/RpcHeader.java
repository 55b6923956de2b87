package io.kitemq.remoting.protocol.header;

import java.util.Map;

/**
 * The keys RocketMQ request headers inherit from {@code RpcRequestHeader} ({@code ns}, {@code nsd},
 * {@code bname}, {@code oway}) and {@code TopicRequestHeader} ({@code lo}). All optional and
 * usually absent except {@code bname}, the broker name the client targets. Immutable.
 *
 * @param ns namespace
 * @param nsd whether the resource names are already namespaced
 * @param bname target broker name
 * @param oway oneway hint
 * @param lo static-topic "logic" flag (only meaningful on topic requests)
 */
public record RpcHeader(String ns, Boolean nsd, String bname, Boolean oway, Boolean lo) {

  /** No inherited keys at all. */
  public static final RpcHeader NONE = new RpcHeader(null, null, null, null, null);

  /** Only the target broker name. */
  public static RpcHeader ofBrokerName(String bname) {
    return new RpcHeader(null, null, bname, null, null);
  }

  /** The same keys with another broker name. */
  public RpcHeader withBrokerName(String brokerName) {
    return new RpcHeader(ns, nsd, brokerName, oway, lo);
  }

  public void writeTo(Map<String, String> map) {
    HeaderFields.put(map, "ns", ns);
    HeaderFields.put(map, "nsd", nsd);
    HeaderFields.put(map, "bname", bname);
    HeaderFields.put(map, "oway", oway);
    HeaderFields.put(map, "lo", lo);
  }

  /** Reads the inherited keys; returns {@link #NONE} when none is present. */
  public static RpcHeader fromExtFields(Map<String, String> map) {
    String ns = map.get("ns");
    Boolean nsd = HeaderFields.optBool(map, "nsd");
    String bname = map.get("bname");
    Boolean oway = HeaderFields.optBool(map, "oway");
    Boolean lo = HeaderFields.optBool(map, "lo");
    if (ns == null && nsd == null && bname == null && oway == null && lo == null) {
      return NONE;
    }
    return new RpcHeader(ns, nsd, bname, oway, lo);
  }
}
