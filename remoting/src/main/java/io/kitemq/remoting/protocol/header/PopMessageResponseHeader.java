package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;

/**
 * The POP_MESSAGE (200050) response, written with every answer code (clients decode it for
 * PULL_NOT_FOUND and POLLING_* too).
 *
 * <p>Required keys: {@code popTime}, {@code invisibleTime}, {@code reviveQid}, {@code restNum}
 * (messages left in the popped queues). The optional info strings describe the body per queue,
 * entries separated by {@code ;}, fields by a space, {@code <retry>} being 0 for the topic itself:
 *
 * <pre>
 * startOffsetInfo  &lt;retry&gt; &lt;queueId&gt; &lt;first offset popped&gt;
 * msgOffsetInfo    &lt;retry&gt; &lt;queueId&gt; &lt;offset&gt;,&lt;offset&gt;,...   (ascending)
 * orderCountInfo   &lt;retry&gt; &lt;queueId&gt; &lt;count&gt;                  (orderly pop only)
 * </pre>
 *
 * Immutable.
 */
public record PopMessageResponseHeader(
    long popTime,
    long invisibleTime,
    int reviveQid,
    long restNum,
    String startOffsetInfo,
    String msgOffsetInfo,
    String orderCountInfo)
    implements CommandHeader {

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "popTime", popTime);
    HeaderFields.put(extFields, "invisibleTime", invisibleTime);
    HeaderFields.put(extFields, "reviveQid", reviveQid);
    HeaderFields.put(extFields, "restNum", restNum);
    HeaderFields.put(extFields, "startOffsetInfo", startOffsetInfo);
    HeaderFields.put(extFields, "msgOffsetInfo", msgOffsetInfo);
    HeaderFields.put(extFields, "orderCountInfo", orderCountInfo);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static PopMessageResponseHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new PopMessageResponseHeader(
        HeaderFields.requireLong(extFields, "popTime"),
        HeaderFields.requireLong(extFields, "invisibleTime"),
        HeaderFields.requireInt(extFields, "reviveQid"),
        HeaderFields.requireLong(extFields, "restNum"),
        HeaderFields.optString(extFields, "startOffsetInfo"),
        HeaderFields.optString(extFields, "msgOffsetInfo"),
        HeaderFields.optString(extFields, "orderCountInfo"));
  }
}
