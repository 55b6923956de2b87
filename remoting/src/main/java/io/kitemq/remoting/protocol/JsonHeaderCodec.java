package io.kitemq.remoting.protocol;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The JSON header form ({@link SerializeType#JSON}), written as fastjson writes a RocketMQ {@code
 * RemotingCommand} and read as leniently as fastjson reads it.
 *
 * <p>Written keys, in fastjson's alphabetical order: {@code code}, {@code extFields} (only when
 * non-null), {@code flag}, {@code language} (enum name), {@code opaque}, {@code remark} (only when
 * non-null), {@code serializeTypeCurrentRPC}, {@code version}. Reading accepts any key order,
 * ignores unknown keys and {@code serializeTypeCurrentRPC} (the frame's type byte is
 * authoritative), takes {@code language} as a name or an ordinal (unknown -> OTHER), and turns
 * non-string extFields values (numbers, booleans) into their text form. Uses Jackson's streaming
 * API only. Thread-safe (stateless).
 */
public final class JsonHeaderCodec {

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
          // fastjson writes control characters as backslash-u escapes with lowercase hex.
          .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
          // ... and characters outside the BMP as one 4-byte UTF-8 sequence.
          .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
          .build();

  private JsonHeaderCodec() {}

  /** Appends the JSON header of {@code cmd} to {@code out}; returns the bytes written. */
  public static int encode(RemotingCommand cmd, ByteBuf out) {
    int start = out.writerIndex();
    if (writePlain(cmd, out)) {
      return out.writerIndex() - start;
    }
    return encodeWithJackson(cmd, out);
  }

  /**
   * {@link #encode(RemotingCommand, ByteBuf)} through Jackson whatever the header holds: the
   * reference its direct path is tested and benchmarked against.
   */
  public static int encodeWithJackson(RemotingCommand cmd, ByteBuf out) {
    int start = out.writerIndex();
    try (OutputStream os = new ByteBufOutputStream(out)) {
      write(cmd, os);
    } catch (IOException e) {
      // ByteBufOutputStream only fails when the buffer cannot grow, which Netty reports unchecked.
      throw new IllegalStateException("cannot write JSON header", e);
    }
    return out.writerIndex() - start;
  }

  /** The JSON header of {@code cmd} as UTF-8 bytes. */
  public static byte[] encode(RemotingCommand cmd) {
    ByteArrayOutputStream os = new ByteArrayOutputStream(256);
    try {
      write(cmd, os);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON header", e);
    }
    return os.toByteArray();
  }

  /** Scratch space of {@link #writePlain}, one per thread: headers are a few hundred bytes. */
  private static final ThreadLocal<AsciiWriter> WRITERS = ThreadLocal.withInitial(AsciiWriter::new);

  /**
   * Appends the same bytes as {@link #write} when every string of the header is ASCII (the common
   * case: request and response headers, a send's properties with their control-character separators
   * included), escaped as Jackson escapes them; returns false, having appended nothing, when a
   * string is not, and Jackson writes the header instead.
   */
  private static boolean writePlain(RemotingCommand cmd, ByteBuf out) {
    AsciiWriter w = WRITERS.get();
    w.reset();
    w.raw("{\"code\":").number(cmd.code());
    Map<String, String> ext = cmd.extFields();
    if (ext != null) {
      w.raw(",\"extFields\":{");
      boolean first = true;
      for (Map.Entry<String, String> e : ext.entrySet()) {
        if (e.getKey() != null && e.getValue() != null) {
          if (!first) {
            w.raw(",");
          }
          first = false;
          w.string(e.getKey()).raw(":").string(e.getValue());
        }
      }
      w.raw("}");
    }
    w.raw(",\"flag\":").number(cmd.flag());
    w.raw(",\"language\":").string(cmd.language().name());
    w.raw(",\"opaque\":").number(cmd.opaque());
    if (cmd.remark() != null) {
      w.raw(",\"remark\":").string(cmd.remark());
    }
    w.raw(",\"serializeTypeCurrentRPC\":").string(cmd.serializeType().name());
    w.raw(",\"version\":").number(cmd.version());
    w.raw("}");
    return w.writeTo(out);
  }

  /**
   * Builds ASCII JSON text in a reused array, escaping strings as Jackson does; a string with a
   * character beyond ASCII marks the text as not writable here.
   */
  private static final class AsciiWriter {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** From this length on a string is checked as bytes rather than char by char. */
    private static final int BULK_LENGTH = 64;

    private byte[] buf = new byte[512];
    private int len;
    private boolean beyondAscii;

    void reset() {
      if (buf.length > 64 * 1024) {
        buf = new byte[512]; // one huge header does not pin its array to the thread
      }
      len = 0;
      beyondAscii = false;
    }

    private void room(int n) {
      if (len + n > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
      }
    }

    AsciiWriter raw(String ascii) {
      int n = ascii.length();
      room(n);
      for (int i = 0; i < n; i++) {
        buf[len + i] = (byte) ascii.charAt(i);
      }
      len += n;
      return this;
    }

    AsciiWriter number(int v) {
      return raw(Integer.toString(v));
    }

    AsciiWriter string(String s) {
      if (beyondAscii) {
        return this;
      }
      return s.length() >= BULK_LENGTH ? bulk(s) : chars(s);
    }

    /**
     * A long string (a batch's comma-joined message ids) copied in one go when it needs no escape:
     * encoding an ASCII string to UTF-8 is an array copy, and a longer result means non-ASCII.
     */
    private AsciiWriter bulk(String s) {
      byte[] ascii = s.getBytes(StandardCharsets.UTF_8);
      int n = ascii.length;
      if (n != s.length()) {
        beyondAscii = true;
        return this;
      }
      if (JsonText.plainRunEnd(ascii, 0, n) < n) {
        return chars(s);
      }
      room(n + 2);
      buf[len++] = '"';
      System.arraycopy(ascii, 0, buf, len, n);
      len += n;
      buf[len++] = '"';
      return this;
    }

    private AsciiWriter chars(String s) {
      int n = s.length();
      room(n * 6 + 2);
      byte[] b = buf;
      int p = len;
      b[p++] = '"';
      for (int i = 0; i < n; i++) {
        char c = s.charAt(i);
        if (c >= 0x80) {
          beyondAscii = true;
          return this;
        }
        if (c >= 0x20 && c != '"' && c != '\\') {
          b[p++] = (byte) c;
          continue;
        }
        b[p++] = '\\';
        switch (c) {
          case '"', '\\' -> b[p++] = (byte) c;
          case '\b' -> b[p++] = 'b';
          case '\t' -> b[p++] = 't';
          case '\n' -> b[p++] = 'n';
          case '\f' -> b[p++] = 'f';
          case '\r' -> b[p++] = 'r';
          default -> {
            b[p++] = 'u';
            b[p++] = '0';
            b[p++] = '0';
            b[p++] = HEX[c >> 4];
            b[p++] = HEX[c & 0xf];
          }
        }
      }
      b[p++] = '"';
      len = p;
      return this;
    }

    /** Appends the text to {@code out} unless a string went beyond ASCII; true if it did. */
    boolean writeTo(ByteBuf out) {
      if (beyondAscii) {
        return false;
      }
      out.writeBytes(buf, 0, len);
      return true;
    }
  }

  private static void write(RemotingCommand cmd, OutputStream os) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(os, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeNumberField("code", cmd.code());
      Map<String, String> ext = cmd.extFields();
      if (ext != null) {
        g.writeFieldName("extFields");
        g.writeStartObject();
        for (Map.Entry<String, String> e : ext.entrySet()) {
          if (e.getKey() != null && e.getValue() != null) {
            g.writeStringField(e.getKey(), e.getValue());
          }
        }
        g.writeEndObject();
      }
      g.writeNumberField("flag", cmd.flag());
      g.writeStringField("language", cmd.language().name());
      g.writeNumberField("opaque", cmd.opaque());
      if (cmd.remark() != null) {
        g.writeStringField("remark", cmd.remark());
      }
      g.writeStringField("serializeTypeCurrentRPC", cmd.serializeType().name());
      g.writeNumberField("version", cmd.version());
      g.writeEndObject();
    }
  }

  /**
   * Reads a JSON header of {@code length} bytes from {@code in} (advancing its reader index).
   *
   * @throws RemotingCommandException when the text is not a JSON object of the expected shape
   */
  public static RemotingCommand decode(ByteBuf in, int length) throws RemotingCommandException {
    RemotingCommand plain = CompactHeaderReader.read(in, length);
    if (plain != null) {
      in.skipBytes(length);
      return plain;
    }
    return decodeWithJackson(in, length);
  }

  /**
   * {@link #decode} through Jackson whatever the text holds: the reference its compact reader is
   * tested against, and the reader of any header that reader declines.
   */
  public static RemotingCommand decodeWithJackson(ByteBuf in, int length)
      throws RemotingCommandException {
    RemotingCommand cmd = new RemotingCommand();
    cmd.setSerializeType(SerializeType.JSON);
    try (JsonParser p = parser(in, length)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new RemotingCommandException("JSON header is not an object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        readField(cmd, name, value, p);
      }
      if (p.currentToken() != JsonToken.END_OBJECT) {
        throw new RemotingCommandException("JSON header is truncated");
      }
    } catch (IOException | RuntimeException e) {
      throw new RemotingCommandException("malformed JSON header: " + e.getMessage(), e);
    }
    return cmd;
  }

  private static JsonParser parser(ByteBuf in, int length) throws IOException {
    if (in.hasArray()) {
      int offset = in.arrayOffset() + in.readerIndex();
      in.skipBytes(length);
      return FACTORY.createParser(in.array(), offset, length);
    }
    InputStream is = new ByteBufInputStream(in, length);
    return FACTORY.createParser(is);
  }

  private static void readField(RemotingCommand cmd, String name, JsonToken value, JsonParser p)
      throws IOException, RemotingCommandException {
    switch (name) {
      case "code" -> cmd.setCode(readInt(p, value, name));
      case "flag" -> cmd.setFlag(readInt(p, value, name));
      case "opaque" -> cmd.setOpaque(readInt(p, value, name));
      case "version" -> cmd.setVersion(readInt(p, value, name));
      case "language" -> cmd.setLanguage(readLanguage(p, value));
      case "remark" -> cmd.setRemark(value == JsonToken.VALUE_NULL ? null : readText(p, value));
      case "extFields" -> cmd.setExtFields(readExtFields(p, value));
      default -> p.skipChildren();
    }
  }

  private static int readInt(JsonParser p, JsonToken value, String name)
      throws IOException, RemotingCommandException {
    if (value == JsonToken.VALUE_NUMBER_INT) {
      return p.getIntValue();
    }
    if (value == JsonToken.VALUE_STRING) {
      try {
        return Integer.parseInt(p.getText().trim());
      } catch (NumberFormatException e) {
        throw new RemotingCommandException("JSON header field " + name + " is not an int", e);
      }
    }
    if (value == JsonToken.VALUE_NULL) {
      return 0;
    }
    throw new RemotingCommandException("JSON header field " + name + " is not an int");
  }

  private static LanguageCode readLanguage(JsonParser p, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NUMBER_INT) {
      return LanguageCode.fromCode(p.getIntValue());
    }
    if (value == JsonToken.VALUE_STRING) {
      return LanguageCode.fromName(p.getText());
    }
    p.skipChildren();
    return LanguageCode.OTHER;
  }

  private static String readText(JsonParser p, JsonToken value)
      throws IOException, RemotingCommandException {
    if (value.isScalarValue()) {
      return p.getText();
    }
    throw new RemotingCommandException("JSON header value is not a scalar: " + value);
  }

  private static HashMap<String, String> readExtFields(JsonParser p, JsonToken value)
      throws IOException, RemotingCommandException {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (value != JsonToken.START_OBJECT) {
      throw new RemotingCommandException("JSON header field extFields is not an object");
    }
    HashMap<String, String> map = new HashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken v = p.nextToken();
      if (v != JsonToken.VALUE_NULL) {
        map.put(key, readText(p, v));
      }
    }
    return map;
  }
}
