package io.kitemq.tools.admin;

import io.kitemq.common.message.MessageExt;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stored message as the message commands print it; the body is shown as UTF-8 text. Immutable.
 *
 * @param msgId the client's unique id (UNIQ_KEY), or the offset id when it has none
 * @param offsetMsgId the broker's id: store host and commit-log offset
 */
record MessageView(
    String topic,
    String msgId,
    String offsetMsgId,
    String brokerName,
    int queueId,
    long queueOffset,
    long commitLogOffset,
    String tags,
    String keys,
    int reconsumeTimes,
    long bornTimestamp,
    long storeTimestamp,
    String bornHost,
    String storeHost,
    int sysFlag,
    int bodyLength,
    Map<String, String> properties,
    String body) {

  static MessageView of(MessageExt m, String brokerName) {
    byte[] body = m.getBody() == null ? new byte[0] : m.getBody();
    return new MessageView(
        m.getTopic(),
        m.getMsgId(),
        m.getOffsetMsgId(),
        brokerName,
        m.getQueueId(),
        m.getQueueOffset(),
        m.getCommitLogOffset(),
        m.getTags(),
        m.getKeys(),
        m.getReconsumeTimes(),
        m.getBornTimestamp(),
        m.getStoreTimestamp(),
        host(m.getBornHost()),
        host(m.getStoreHost()),
        m.getSysFlag(),
        body.length,
        new TreeMap<>(m.getProperties()),
        new String(body, StandardCharsets.UTF_8));
  }

  private static String host(InetSocketAddress a) {
    if (a == null) {
      return null;
    }
    return (a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString())
        + ":"
        + a.getPort();
  }

  /** Prints every field on its own aligned line. */
  void printDetail(PrintWriter out) {
    field(out, "Topic", topic);
    field(out, "Msg Id", msgId);
    field(out, "Offset Msg Id", offsetMsgId);
    field(out, "Tags", tags);
    field(out, "Keys", keys);
    field(out, "Queue Id", queueId);
    field(out, "Queue Offset", queueOffset);
    field(out, "CommitLog Offset", commitLogOffset);
    field(out, "Reconsume Times", reconsumeTimes);
    field(out, "Born Timestamp", Times.format(bornTimestamp));
    field(out, "Store Timestamp", Times.format(storeTimestamp));
    field(out, "Born Host", bornHost);
    field(out, "Store Host", storeHost);
    field(out, "System Flag", sysFlag);
    field(out, "Properties", properties);
    field(out, "Body Length", bodyLength);
    field(out, "Body", body);
  }

  private static void field(PrintWriter out, String name, Object value) {
    out.printf("%-18s%s%n", name + ":", value);
  }
}
