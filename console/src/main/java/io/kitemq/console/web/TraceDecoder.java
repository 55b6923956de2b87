package io.kitemq.console.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes trace message bodies in the text format of Apache RocketMQ's message trace (what the
 * client library's tracing writes): records ended by char 2, fields separated by char 1, the first
 * field the record type.
 *
 * <pre>
 * Pub       type,timestamp,regionId,group,topic,msgId,tags,keys,storeHost,bodyLength,costTime,
 *           msgType,offsetMsgId,success
 * SubBefore type,timestamp,regionId,group,requestId,msgId,retryTimes,keys
 * SubAfter  type,requestId,msgId,costTime,success,keys,contextCode[,timestamp,group]
 * </pre>
 *
 * Older clients write fewer trailing fields; missing ones are left out of the answer. Stateless.
 */
final class TraceDecoder {

  private static final char CONTENT = (char) 1;
  private static final char FIELD = (char) 2;

  private TraceDecoder() {}

  /** The records of {@code body} about the message whose client id is {@code msgId}. */
  static List<Map<String, Object>> decode(byte[] body, String msgId) {
    List<Map<String, Object>> out = new ArrayList<>();
    String text = new String(body, StandardCharsets.UTF_8);
    for (String record : text.split(String.valueOf(FIELD))) {
      String[] f = record.split(String.valueOf(CONTENT), -1);
      Map<String, Object> m =
          switch (f[0]) {
            case "Pub" -> pub(f);
            case "SubBefore" -> subBefore(f);
            case "SubAfter" -> subAfter(f);
            default -> null;
          };
      if (m != null && msgId.equals(m.get("msgId"))) {
        out.add(m);
      }
    }
    return out;
  }

  private static Map<String, Object> pub(String[] f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "Pub");
    put(m, "timestamp", f, 1, true);
    put(m, "group", f, 3, false);
    put(m, "topic", f, 4, false);
    put(m, "msgId", f, 5, false);
    put(m, "storeHost", f, 8, false);
    put(m, "costTime", f, 10, true);
    put(m, "success", f, 13, false);
    return m;
  }

  private static Map<String, Object> subBefore(String[] f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "SubBefore");
    put(m, "timestamp", f, 1, true);
    put(m, "group", f, 3, false);
    put(m, "requestId", f, 4, false);
    put(m, "msgId", f, 5, false);
    put(m, "retryTimes", f, 6, true);
    return m;
  }

  private static Map<String, Object> subAfter(String[] f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "SubAfter");
    put(m, "requestId", f, 1, false);
    put(m, "msgId", f, 2, false);
    put(m, "costTime", f, 3, true);
    put(m, "success", f, 4, false);
    put(m, "timestamp", f, 7, true);
    put(m, "group", f, 8, false);
    return m;
  }

  private static void put(Map<String, Object> m, String key, String[] f, int i, boolean number) {
    if (i >= f.length || f[i].isEmpty() || f[i].equals("null")) {
      return;
    }
    if (!number) {
      m.put(key, f[i]);
      return;
    }
    try {
      m.put(key, Long.parseLong(f[i]));
    } catch (NumberFormatException e) {
      m.put(key, f[i]);
    }
  }
}
