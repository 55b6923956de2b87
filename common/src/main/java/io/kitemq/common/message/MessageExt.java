package io.kitemq.common.message;

import java.net.InetSocketAddress;

/**
 * A message as stored: the producer's {@link Message} plus everything the broker records with it
 * (queue and offsets, hosts, timestamps, flags, body CRC). This is what pull, query and view
 * responses carry.
 *
 * <p>{@link #getMsgId()} is what users see: the {@code UNIQ_KEY} property when present, else the
 * {@link #getOffsetMsgId() offset message id} computed from the store host and commit-log offset.
 *
 * <p>Not thread-safe.
 */
public class MessageExt extends Message {

  private int queueId;
  private long queueOffset;
  private long commitLogOffset;
  private int storeSize;
  private int sysFlag;
  private long bornTimestamp;
  private InetSocketAddress bornHost;
  private long storeTimestamp;
  private InetSocketAddress storeHost;
  private int reconsumeTimes;
  private long preparedTransactionOffset;
  private int bodyCrc;

  public MessageExt() {}

  public int getQueueId() {
    return queueId;
  }

  public void setQueueId(int queueId) {
    this.queueId = queueId;
  }

  public long getQueueOffset() {
    return queueOffset;
  }

  public void setQueueOffset(long queueOffset) {
    this.queueOffset = queueOffset;
  }

  public long getCommitLogOffset() {
    return commitLogOffset;
  }

  public void setCommitLogOffset(long commitLogOffset) {
    this.commitLogOffset = commitLogOffset;
  }

  /** TOTALSIZE of the stored record (0 if this message was not decoded from one). */
  public int getStoreSize() {
    return storeSize;
  }

  public void setStoreSize(int storeSize) {
    this.storeSize = storeSize;
  }

  public int getSysFlag() {
    return sysFlag;
  }

  public void setSysFlag(int sysFlag) {
    this.sysFlag = sysFlag;
  }

  public long getBornTimestamp() {
    return bornTimestamp;
  }

  public void setBornTimestamp(long bornTimestamp) {
    this.bornTimestamp = bornTimestamp;
  }

  public InetSocketAddress getBornHost() {
    return bornHost;
  }

  public void setBornHost(InetSocketAddress bornHost) {
    this.bornHost = bornHost;
  }

  public long getStoreTimestamp() {
    return storeTimestamp;
  }

  public void setStoreTimestamp(long storeTimestamp) {
    this.storeTimestamp = storeTimestamp;
  }

  public InetSocketAddress getStoreHost() {
    return storeHost;
  }

  public void setStoreHost(InetSocketAddress storeHost) {
    this.storeHost = storeHost;
  }

  public int getReconsumeTimes() {
    return reconsumeTimes;
  }

  public void setReconsumeTimes(int reconsumeTimes) {
    this.reconsumeTimes = reconsumeTimes;
  }

  public long getPreparedTransactionOffset() {
    return preparedTransactionOffset;
  }

  public void setPreparedTransactionOffset(long preparedTransactionOffset) {
    this.preparedTransactionOffset = preparedTransactionOffset;
  }

  /** BODYCRC: masked CRC32 of the stored (possibly compressed) body. */
  public int getBodyCrc() {
    return bodyCrc;
  }

  public void setBodyCrc(int bodyCrc) {
    this.bodyCrc = bodyCrc;
  }

  /** The offset message id (store host + commit-log offset), or null without a store host. */
  public String getOffsetMsgId() {
    return storeHost == null || storeHost.getAddress() == null
        ? null
        : OffsetMessageId.encode(storeHost, commitLogOffset);
  }

  /** The id users see: {@code UNIQ_KEY} if present, else {@link #getOffsetMsgId()}. */
  public String getMsgId() {
    String unique = getUniqueId();
    return unique != null ? unique : getOffsetMsgId();
  }

  @Override
  public String toString() {
    return "MessageExt{topic="
        + getTopic()
        + ", queueId="
        + queueId
        + ", queueOffset="
        + queueOffset
        + ", commitLogOffset="
        + commitLogOffset
        + ", storeSize="
        + storeSize
        + ", sysFlag="
        + sysFlag
        + ", bornTimestamp="
        + bornTimestamp
        + ", bornHost="
        + bornHost
        + ", storeTimestamp="
        + storeTimestamp
        + ", storeHost="
        + storeHost
        + ", reconsumeTimes="
        + reconsumeTimes
        + ", preparedTransactionOffset="
        + preparedTransactionOffset
        + ", bodyCrc="
        + bodyCrc
        + ", flag="
        + getFlag()
        + ", properties="
        + getProperties()
        + ", bodyLength="
        + (getBody() == null ? -1 : getBody().length)
        + '}';
  }
}
