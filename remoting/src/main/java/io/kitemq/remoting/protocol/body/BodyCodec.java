package io.kitemq.remoting.protocol.body;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;

/**
 * The JSON codec of command bodies, compatible with the fastjson output of RocketMQ.
 *
 * <p>Writing follows fastjson's conventions where its readers care: properties sorted by name, null
 * properties omitted, enums by name, map entries sorted by key, UTF-8. Maps with numeric keys are
 * written with quoted keys ({@code {"0":"addr"}}), which fastjson reads back into {@code
 * Map<Long,...>}; maps with object keys (e.g. a MessageQueue) use {@link ObjectKeyMapSerializer}
 * and come out as fastjson writes them, {@code {{"brokerName":..}:value}}.
 *
 * <p>Reading accepts standard JSON and fastjson's default output: unquoted numeric keys and object
 * keys (see {@link FastjsonText}); unknown properties are ignored, missing ones take the body
 * class's defaults. Body classes are immutable records in this package. Thread-safe.
 */
public final class BodyCodec {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .defaultPropertyInclusion(
              JsonInclude.Value.construct(
                  JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
          .build();

  private BodyCodec() {}

  /** The body as UTF-8 JSON. */
  public static byte[] encode(Object body) {
    return encodeToString(body).getBytes(StandardCharsets.UTF_8);
  }

  /** The body as a JSON string. */
  public static String encodeToString(Object body) {
    try {
      return MAPPER.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      // Body classes are plain records of strings, numbers, lists and maps: this cannot happen
      // unless a body class is broken, which is a programming error.
      throw new IllegalStateException("cannot encode " + body.getClass().getName(), e);
    }
  }

  /**
   * Reads a body written by fastjson (any of its encodings) or by {@link #encode(Object)}.
   *
   * @throws BodyCodecException if {@code bytes} is null or not a {@code type} in JSON
   */
  public static <T> T decode(byte[] bytes, Class<T> type) throws BodyCodecException {
    if (bytes == null) {
      throw new BodyCodecException("missing body, expected " + type.getSimpleName());
    }
    return decode(new String(bytes, StandardCharsets.UTF_8), type);
  }

  /**
   * Reads a body from JSON text.
   *
   * @throws BodyCodecException if {@code json} is not a {@code type} in JSON
   */
  public static <T> T decode(String json, Class<T> type) throws BodyCodecException {
    try {
      T value = MAPPER.readValue(FastjsonText.toStandardJson(json), type);
      if (value == null) {
        throw new BodyCodecException("body is JSON null, expected " + type.getSimpleName());
      }
      return value;
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new BodyCodecException(
          "cannot decode " + type.getSimpleName() + " body: " + e.getMessage(), e);
    }
  }

  static ObjectMapper mapper() {
    return MAPPER;
  }
}
