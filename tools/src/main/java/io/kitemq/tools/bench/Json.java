package io.kitemq.tools.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON form of a {@link Summary}: one object, its fields named as the record's. */
final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static String write(Summary summary) {
    try {
      return MAPPER.writeValueAsString(summary);
    } catch (JsonProcessingException e) {
      throw new BenchException("cannot write the summary as JSON: " + e.getMessage(), e);
    }
  }

  static Summary read(String json) throws JsonProcessingException {
    return MAPPER.readValue(json, Summary.class);
  }
}
