package io.kitemq.console.web;

import io.kitemq.common.message.MessageExt;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Messages as the console's JSON shows them: a one-line summary or the full view. Stateless. */
final class MessageJson {

  private MessageJson() {}

  /** Ids, topic, tags, keys, queue, offset, times and body size: one row of a list. */
  static Map<String, Object> summary(MessageExt m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("offsetMsgId", m.getOffsetMsgId());
    out.put("msgId", m.getMsgId());
    out.put("topic", m.getTopic());
    out.put("tags", m.getTags());
    out.put("keys", m.getKeys());
    out.put("queueId", m.getQueueId());
    out.put("queueOffset", m.getQueueOffset());
    out.put("bornTimestamp", m.getBornTimestamp());
    out.put("storeTimestamp", m.getStoreTimestamp());
    out.put("reconsumeTimes", m.getReconsumeTimes());
    out.put("bodySize", m.getBody() == null ? 0 : m.getBody().length);
    return out;
  }

  /** The summary plus every property and the body as UTF-8 text (null when not) and hex. */
  static Map<String, Object> full(MessageExt m) {
    Map<String, Object> out = summary(m);
    out.put("properties", m.getProperties());
    byte[] body = m.getBody() == null ? new byte[0] : m.getBody();
    out.put("bodyText", utf8OrNull(body));
    out.put("bodyHex", HexFormat.of().formatHex(body));
    return out;
  }

  static String utf8OrNull(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
