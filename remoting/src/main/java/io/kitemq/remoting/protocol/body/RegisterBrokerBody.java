package io.kitemq.remoting.protocol.body;

import com.fasterxml.jackson.databind.JsonNode;
import io.kitemq.common.topic.TopicConfig;
import io.kitemq.common.topic.TopicFilterType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The REGISTER_BROKER (103) body: the broker's topic configurations and its (legacy) filter
 * servers. Two encodings exist:
 *
 * <ul>
 *   <li>JSON (the default): {@code {"filterServerList":[],"topicConfigSerializeWrapper":{...}}};
 *   <li>compressed: a zlib stream of length-prefixed parts, all ints big-endian:
 *       <pre>
 * int32 len | DataVersion JSON
 * int32 topicCount | topicCount x (int32 len | "name read write perm filterType attrsJson")
 * int32 len | filterServerList JSON array
 * int32 mappingCount | mappingCount x (int32 len | static-topic mapping JSON)   (5.x brokers)
 * </pre>
 *       The text form of a topic has no topicSysFlag or order: they read as 0 / false.
 * </ul>
 *
 * The 5.x broker sends the header flag {@code compressed=false} even when its body is compressed,
 * so {@link #decode(byte[], boolean)} also recognises a zlib stream by its first byte. Static-topic
 * mappings are skipped. Immutable.
 */
public record RegisterBrokerBody(
    TopicConfigSerializeWrapper topicConfigSerializeWrapper, List<String> filterServerList) {

  public RegisterBrokerBody {
    Objects.requireNonNull(topicConfigSerializeWrapper, "topicConfigSerializeWrapper");
    filterServerList = filterServerList == null ? List.of() : List.copyOf(filterServerList);
  }

  /** The body in JSON or in the compressed format. */
  public byte[] encode(boolean compressed) {
    return compressed ? encodeCompressed() : BodyCodec.encode(this);
  }

  /**
   * Reads a body in either format.
   *
   * @param compressedFlag the request header's {@code compressed} flag
   * @throws BodyCodecException if the body is malformed
   */
  public static RegisterBrokerBody decode(byte[] body, boolean compressedFlag)
      throws BodyCodecException {
    if (body == null || body.length == 0) {
      throw new BodyCodecException("missing register broker body");
    }
    if (compressedFlag || looksLikeZlib(body)) {
      return decodeCompressed(body);
    }
    return BodyCodec.decode(body, RegisterBrokerBody.class);
  }

  /** A zlib stream starts with CMF 0x78 (deflate, 32 KiB window); JSON starts with '{' or space. */
  private static boolean looksLikeZlib(byte[] body) {
    return (body[0] & 0xFF) == 0x78 && ((body[0] & 0xFF) * 256 + (body[1] & 0xFF)) % 31 == 0;
  }

  private byte[] encodeCompressed() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes, deflater))) {
      TopicConfigSerializeWrapper wrapper = topicConfigSerializeWrapper;
      writePart(out, BodyCodec.encode(wrapper.dataVersion()));
      out.writeInt(wrapper.topicConfigTable().size());
      for (TopicConfig config : wrapper.topicConfigTable().values()) {
        String attrs =
            BodyCodec.encodeToString(new TreeMap<>(wrapper.attributesOf(config.topicName())));
        String text =
            String.join(
                " ",
                config.topicName(),
                Integer.toString(config.readQueueNums()),
                Integer.toString(config.writeQueueNums()),
                Integer.toString(config.perm()),
                config.topicFilterType().name(),
                attrs);
        writePart(out, text.getBytes(StandardCharsets.UTF_8));
      }
      writePart(out, BodyCodec.encode(filterServerList));
      out.writeInt(0);
    } catch (IOException e) {
      throw new IllegalStateException("in-memory compression failed", e);
    } finally {
      deflater.end();
    }
    return bytes.toByteArray();
  }

  private static void writePart(DataOutputStream out, byte[] part) throws IOException {
    out.writeInt(part.length);
    out.write(part);
  }

  private static RegisterBrokerBody decodeCompressed(byte[] body) throws BodyCodecException {
    try (DataInputStream in =
        new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(body)))) {
      DataVersion version = BodyCodec.decode(readPart(in), DataVersion.class);
      int topics = in.readInt();
      if (topics < 0) {
        throw new BodyCodecException("negative topic count " + topics);
      }
      Map<String, TopicConfig> table = new LinkedHashMap<>();
      Map<String, Map<String, String>> attributes = new LinkedHashMap<>();
      for (int i = 0; i < topics; i++) {
        String text = new String(readPart(in), StandardCharsets.UTF_8);
        Map<String, String> attrs = new TreeMap<>();
        TopicConfig config = parseTopicText(text, attrs);
        table.put(config.topicName(), config);
        attributes.put(config.topicName(), attrs);
      }
      List<String> filterServers = List.of();
      byte[] filterJson = readPart(in);
      JsonNode filters = BodyCodec.decode(filterJson, JsonNode.class);
      if (filters.isArray()) {
        filterServers = filters.valueStream().map(JsonNode::asText).toList();
      }
      // A trailing static-topic mapping section (5.x) is not modelled: ignore it.
      return new RegisterBrokerBody(
          new TopicConfigSerializeWrapper(table, attributes, version), filterServers);
    } catch (IOException e) {
      throw new BodyCodecException("malformed compressed register broker body: " + e, e);
    }
  }

  private static byte[] readPart(DataInputStream in) throws IOException, BodyCodecException {
    int len = in.readInt();
    if (len < 0 || len > 64 * 1024 * 1024) {
      throw new BodyCodecException("bad part length " + len + " in compressed body");
    }
    byte[] part = new byte[len];
    try {
      in.readFully(part);
    } catch (EOFException e) {
      throw new BodyCodecException("compressed body ends inside a part of " + len + " bytes", e);
    }
    return part;
  }

  private static TopicConfig parseTopicText(String text, Map<String, String> attrsOut)
      throws BodyCodecException {
    String[] fields = text.split(" ", 6);
    if (fields.length < 5) {
      throw new BodyCodecException("bad topic config text: " + text);
    }
    try {
      if (fields.length == 6 && !fields[5].isBlank()) {
        JsonNode attrs = BodyCodec.decode(fields[5], JsonNode.class);
        for (Map.Entry<String, JsonNode> e : attrs.properties()) {
          attrsOut.put(e.getKey(), e.getValue().asText());
        }
      }
      return new TopicConfig(
          fields[0],
          Integer.parseInt(fields[1]),
          Integer.parseInt(fields[2]),
          Integer.parseInt(fields[3]),
          TopicFilterType.valueOf(fields[4]),
          0,
          false);
    } catch (IllegalArgumentException e) {
      throw new BodyCodecException("bad topic config text: " + text, e);
    }
  }
}
