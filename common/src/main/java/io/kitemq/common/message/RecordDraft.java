package io.kitemq.common.message;

import io.kitemq.common.util.Crc;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Everything one stored record holds except what the store assigns under its write lock (queue
 * offset, physical offset, store timestamp), already in wire form: topic and properties as UTF-8
 * bytes, hosts as raw address bytes, the body CRC computed, the record size known. Built once per
 * message outside the lock, then written by {@link StoredMessageEncoder#encode}.
 *
 * <p>The host-family bits of SYSFLAG are set from the actual addresses, so they cannot disagree
 * with the bytes written. The record version is V1 unless the topic is longer than 127 bytes (or V2
 * is asked for).
 *
 * <p>Body and properties may be ranges of a larger array (the inner messages of a batch request are
 * stored straight from its body), and the properties may carry a suffix of pairs the broker adds;
 * the encoder writes the range then the suffix, so nothing is copied before the store's own write.
 *
 * <p>Immutable once built, provided the caller does not modify the arrays it handed over (body,
 * topic and properties bytes are held, not copied). Thread-safe to share.
 */
public final class RecordDraft {

  private final byte[] topic;
  private final MessageVersion version;
  private final int queueId;
  private final int flag;
  private final int sysFlag;
  private final long bornTimestamp;
  private final byte[] bornIp;
  private final int bornPort;
  private final byte[] storeIp;
  private final int storePort;
  private final int reconsumeTimes;
  private final long preparedTransactionOffset;
  private final byte[] body;
  private final int bodyOffset;
  private final int bodyLength;
  private final int bodyCrc;
  private final byte[] properties;
  private final int propertiesOffset;
  private final int propertiesRangeLength;
  private final byte[] propertiesSuffix;
  private final int encodedSize;

  private static final byte[] NONE = new byte[0];

  private RecordDraft(Builder b) {
    this.topic = Objects.requireNonNull(b.topic, "topic");
    this.body = Objects.requireNonNull(b.body, "body");
    this.bodyOffset = b.bodyOffset;
    this.bodyLength = b.bodyLength < 0 ? body.length : b.bodyLength;
    Objects.checkFromIndexSize(bodyOffset, bodyLength, body.length);
    this.properties = b.properties == null ? NONE : b.properties;
    this.propertiesOffset = b.propertiesOffset;
    this.propertiesRangeLength = b.propertiesLength < 0 ? properties.length : b.propertiesLength;
    Objects.checkFromIndexSize(propertiesOffset, propertiesRangeLength, properties.length);
    this.propertiesSuffix = b.propertiesSuffix == null ? NONE : b.propertiesSuffix;
    int propertiesLength = propertiesRangeLength + propertiesSuffix.length;
    this.bornIp = addressBytes(b.bornHost, "bornHost");
    this.bornPort = b.bornHost.getPort();
    this.storeIp = addressBytes(b.storeHost, "storeHost");
    this.storePort = b.storeHost.getPort();
    this.version = b.version != null ? b.version : MessageVersion.forTopicLength(topic.length);
    if (topic.length > version.maxTopicLength()) {
      throw new IllegalArgumentException(
          "topic of "
              + topic.length
              + " bytes does not fit record version "
              + version
              + " (max "
              + version.maxTopicLength()
              + ")");
    }
    if (propertiesLength > Short.MAX_VALUE) {
      throw new IllegalArgumentException(
          "properties of " + propertiesLength + " bytes exceed the 32767-byte limit");
    }
    this.sysFlag =
        MessageSysFlag.withHostFlags(b.sysFlag, bornIp.length == 16, storeIp.length == 16);
    this.queueId = b.queueId;
    this.flag = b.flag;
    this.bornTimestamp = b.bornTimestamp;
    this.reconsumeTimes = b.reconsumeTimes;
    this.preparedTransactionOffset = b.preparedTransactionOffset;
    this.bodyCrc = b.bodyCrc != null ? b.bodyCrc : Crc.crc32(body, bodyOffset, bodyLength);
    long size =
        StoredMessageLayout.recordSize(
            sysFlag, version, bodyLength, topic.length, propertiesLength);
    if (size > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("record of " + size + " bytes is too large");
    }
    this.encodedSize = (int) size;
  }

  private static byte[] addressBytes(InetSocketAddress host, String name) {
    Objects.requireNonNull(host, name);
    InetAddress address = host.getAddress();
    if (address == null) {
      throw new IllegalArgumentException(name + " is unresolved: " + host);
    }
    return address.getAddress();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder preset from a stored message, for re-putting it (retry, schedule, transaction
   * commit): every field of {@code message} except the three assigned at write time, properties
   * encoded from its map, body held as is. The body CRC is recomputed unless set on the builder.
   */
  public static Builder builderFrom(MessageExt message) {
    return new Builder()
        .topic(message.getTopic())
        .queueId(message.getQueueId())
        .flag(message.getFlag())
        .sysFlag(message.getSysFlag())
        .bornTimestamp(message.getBornTimestamp())
        .bornHost(message.getBornHost())
        .storeHost(message.getStoreHost())
        .reconsumeTimes(message.getReconsumeTimes())
        .preparedTransactionOffset(message.getPreparedTransactionOffset())
        .body(message.getBody())
        .propertiesBytes(MessageProperties.encodeToBytes(message.getProperties()));
  }

  /** TOTALSIZE of the record this draft encodes to. */
  public int encodedSize() {
    return encodedSize;
  }

  /** UTF-8 topic bytes (the held array, do not modify). */
  public byte[] topicBytes() {
    return topic;
  }

  public MessageVersion version() {
    return version;
  }

  public int queueId() {
    return queueId;
  }

  public int flag() {
    return flag;
  }

  /** SYSFLAG as written, host-family bits included. */
  public int sysFlag() {
    return sysFlag;
  }

  public long bornTimestamp() {
    return bornTimestamp;
  }

  public int reconsumeTimes() {
    return reconsumeTimes;
  }

  public long preparedTransactionOffset() {
    return preparedTransactionOffset;
  }

  /**
   * The body as stored: the held array (do not modify) when the draft holds a whole array, a copy
   * of the range otherwise.
   */
  public byte[] body() {
    return bodyOffset == 0 && bodyLength == body.length
        ? body
        : Arrays.copyOfRange(body, bodyOffset, bodyOffset + bodyLength);
  }

  /** BODY LENGTH as stored. */
  public int bodyLength() {
    return bodyLength;
  }

  public int bodyCrc() {
    return bodyCrc;
  }

  /**
   * Encoded properties as stored: the held array (do not modify) when the draft holds a whole array
   * and no suffix, a new array otherwise.
   */
  public byte[] propertiesBytes() {
    if (propertiesOffset == 0
        && propertiesRangeLength == properties.length
        && propertiesSuffix.length == 0) {
      return properties;
    }
    byte[] out = new byte[propertiesRangeLength + propertiesSuffix.length];
    System.arraycopy(properties, propertiesOffset, out, 0, propertiesRangeLength);
    System.arraycopy(propertiesSuffix, 0, out, propertiesRangeLength, propertiesSuffix.length);
    return out;
  }

  /** PROPERTIES LENGTH as stored (range plus suffix). */
  public int propertiesLength() {
    return propertiesRangeLength + propertiesSuffix.length;
  }

  byte[] bodyArray() {
    return body;
  }

  int bodyOffset() {
    return bodyOffset;
  }

  byte[] propertiesArray() {
    return properties;
  }

  int propertiesOffset() {
    return propertiesOffset;
  }

  int propertiesRangeLength() {
    return propertiesRangeLength;
  }

  byte[] propertiesSuffix() {
    return propertiesSuffix;
  }

  byte[] bornIp() {
    return bornIp;
  }

  int bornPort() {
    return bornPort;
  }

  byte[] storeIp() {
    return storeIp;
  }

  int storePort() {
    return storePort;
  }

  /** Collects the fields of a {@link RecordDraft}; not thread-safe, use once. */
  public static final class Builder {
    private byte[] topic;
    private MessageVersion version;
    private int queueId;
    private int flag;
    private int sysFlag;
    private long bornTimestamp;
    private InetSocketAddress bornHost;
    private InetSocketAddress storeHost;
    private int reconsumeTimes;
    private long preparedTransactionOffset;
    private byte[] body;
    private int bodyOffset;
    private int bodyLength = -1;
    private Integer bodyCrc;
    private byte[] properties;
    private int propertiesOffset;
    private int propertiesLength = -1;
    private byte[] propertiesSuffix;

    private Builder() {}

    public Builder topic(String topic) {
      this.topic = topic.getBytes(StandardCharsets.UTF_8);
      return this;
    }

    /** The topic as UTF-8 bytes, held without copying. */
    public Builder topicBytes(byte[] topicUtf8) {
      this.topic = topicUtf8;
      return this;
    }

    /** Forces a record version; by default V1 unless the topic needs V2. */
    public Builder version(MessageVersion version) {
      this.version = version;
      return this;
    }

    public Builder queueId(int queueId) {
      this.queueId = queueId;
      return this;
    }

    public Builder flag(int flag) {
      this.flag = flag;
      return this;
    }

    /** SYSFLAG; its host-family bits are replaced by those of the actual hosts. */
    public Builder sysFlag(int sysFlag) {
      this.sysFlag = sysFlag;
      return this;
    }

    public Builder bornTimestamp(long bornTimestamp) {
      this.bornTimestamp = bornTimestamp;
      return this;
    }

    public Builder bornHost(InetSocketAddress bornHost) {
      this.bornHost = bornHost;
      return this;
    }

    public Builder storeHost(InetSocketAddress storeHost) {
      this.storeHost = storeHost;
      return this;
    }

    public Builder reconsumeTimes(int reconsumeTimes) {
      this.reconsumeTimes = reconsumeTimes;
      return this;
    }

    public Builder preparedTransactionOffset(long preparedTransactionOffset) {
      this.preparedTransactionOffset = preparedTransactionOffset;
      return this;
    }

    /** The body as it is to be stored (already compressed if SYSFLAG says so), held not copied. */
    public Builder body(byte[] body) {
      return body(body, 0, -1);
    }

    /**
     * The body as {@code length} bytes of {@code array} from {@code offset}, held not copied; a
     * negative length means the whole array.
     */
    public Builder body(byte[] array, int offset, int length) {
      this.body = array;
      this.bodyOffset = offset;
      this.bodyLength = length;
      return this;
    }

    /** A body CRC computed earlier; by default it is computed when building. */
    public Builder bodyCrc(int bodyCrc) {
      this.bodyCrc = bodyCrc;
      return this;
    }

    /** Properties already encoded as by {@link MessageProperties#encodeToBytes}, held. */
    public Builder propertiesBytes(byte[] encodedProperties) {
      return propertiesBytes(encodedProperties, 0, -1, null);
    }

    /**
     * Properties stored as {@code length} bytes of {@code array} from {@code offset} followed by
     * {@code suffix} (more encoded pairs, separator included; null for none), all held not copied.
     * A negative length means the whole array.
     */
    public Builder propertiesBytes(byte[] array, int offset, int length, byte[] suffix) {
      this.properties = array;
      this.propertiesOffset = offset;
      this.propertiesLength = length;
      this.propertiesSuffix = suffix;
      return this;
    }

    /**
     * Validates and builds.
     *
     * @throws NullPointerException if topic, body or a host is missing
     * @throws IllegalArgumentException if the topic, properties or record is too long, or a host is
     *     unresolved
     */
    public RecordDraft build() {
      return new RecordDraft(this);
    }
  }
}
