package io.kitemq.common.message;

import static io.kitemq.common.message.MessageConst.NAME_VALUE_SEPARATOR;
import static io.kitemq.common.message.MessageConst.PROPERTY_SEPARATOR;

import io.kitemq.common.util.ByteSearch;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The properties string codec: a map to and from {@code name \u0001 value \u0002 ...} (every pair,
 * the last included, ends with {@code \u0002}), carried as UTF-8 in send headers and stored
 * records.
 *
 * <p>Parsing follows RocketMQ exactly: split on {@code \u0002}; a segment counts only if its first
 * {@code \u0001} is neither its first nor its last character; the name is the text before that
 * {@code \u0001}, the value everything after it; a later duplicate name replaces an earlier one.
 * Encoding refuses what could not survive that parse (a name or value that is empty or contains a
 * separator) instead of writing bytes that decode to something else.
 *
 * <p>The {@code find} methods look one name up straight in the encoded bytes, without building a
 * map; they agree with {@link #decode} for any well-formed UTF-8 input. Stateless and thread-safe.
 */
public final class MessageProperties {

  private static final byte NV = (byte) NAME_VALUE_SEPARATOR;
  private static final byte PS = (byte) PROPERTY_SEPARATOR;

  private MessageProperties() {}

  /** Encodes {@code properties} in iteration order; entries with a null value are skipped. */
  public static String encode(Map<String, String> properties) {
    if (properties == null || properties.isEmpty()) {
      return "";
    }
    int len = 0;
    for (Map.Entry<String, String> e : properties.entrySet()) {
      if (e.getValue() != null) {
        len += e.getKey() == null ? 0 : e.getKey().length();
        len += e.getValue().length() + 2;
      }
    }
    StringBuilder sb = new StringBuilder(len);
    for (Map.Entry<String, String> e : properties.entrySet()) {
      String value = e.getValue();
      if (value == null) {
        continue;
      }
      String name = e.getKey();
      checkName(name);
      checkValue(name, value);
      sb.append(name).append(NAME_VALUE_SEPARATOR).append(value).append(PROPERTY_SEPARATOR);
    }
    return sb.toString();
  }

  /**
   * {@link #encode} as UTF-8 bytes, built without the intermediate string: each name and value is
   * encoded once and checked for separators as bytes (UTF-8 never uses bytes below 0x80 inside a
   * multi-byte character, so a separator byte is a separator character).
   */
  public static byte[] encodeToBytes(Map<String, String> properties) {
    if (properties == null || properties.isEmpty()) {
      return new byte[0];
    }
    int pairs = properties.size();
    byte[][] parts = new byte[pairs * 2][];
    int len = 0;
    int n = 0;
    for (Map.Entry<String, String> e : properties.entrySet()) {
      String value = e.getValue();
      if (value == null) {
        continue;
      }
      String name = e.getKey();
      if (name == null || name.isEmpty()) {
        checkName(name);
      }
      byte[] nb = name.getBytes(StandardCharsets.UTF_8);
      if (hasSeparator(nb)) {
        checkName(name);
      }
      byte[] vb = value.getBytes(StandardCharsets.UTF_8);
      if (vb.length == 0 || hasSeparator(vb)) {
        checkValue(name, value);
      }
      parts[n++] = nb;
      parts[n++] = vb;
      len += nb.length + vb.length + 2;
    }
    byte[] out = new byte[len];
    int pos = 0;
    for (int i = 0; i < n; i += 2) {
      System.arraycopy(parts[i], 0, out, pos, parts[i].length);
      pos += parts[i].length;
      out[pos++] = NV;
      System.arraycopy(parts[i + 1], 0, out, pos, parts[i + 1].length);
      pos += parts[i + 1].length;
      out[pos++] = PS;
    }
    return out;
  }

  private static boolean hasSeparator(byte[] utf8) {
    // Every property of every message sent passes here: eight bytes a step.
    return ByteSearch.containsEither(utf8, NV, PS);
  }

  /** Parses a properties string; {@code null} or empty gives an empty map. */
  public static LinkedHashMap<String, String> decode(String encoded) {
    LinkedHashMap<String, String> map = new LinkedHashMap<>();
    if (encoded == null) {
      return map;
    }
    int len = encoded.length();
    int index = 0;
    while (index < len) {
      int end = encoded.indexOf(PROPERTY_SEPARATOR, index);
      if (end < 0) {
        end = len;
      }
      int sep = encoded.indexOf(NAME_VALUE_SEPARATOR, index);
      if (sep > index && sep < end - 1) {
        map.put(encoded.substring(index, sep), encoded.substring(sep + 1, end));
      }
      index = end + 1;
    }
    return map;
  }

  /**
   * Parses {@code length} UTF-8 bytes of {@code bytes} from {@code offset}. Splits on the separator
   * bytes first and decodes only names and values: both separators are ASCII, so this is the same
   * split as on the decoded string.
   */
  public static LinkedHashMap<String, String> decode(byte[] bytes, int offset, int length) {
    LinkedHashMap<String, String> map = new LinkedHashMap<>();
    int limit = offset + length;
    int index = offset;
    while (index < limit) {
      // Every message a consumer receives passes here: values (ids, keys) eight bytes a step.
      int end = ByteSearch.indexOf(bytes, PS, index, limit);
      int sep = ByteSearch.indexOf(bytes, NV, index, end);
      if (sep > index && sep < end - 1) {
        String name = KnownKeys.lookup(bytes, index, sep - index);
        if (name == null) {
          name = new String(bytes, index, sep - index, StandardCharsets.UTF_8);
        }
        map.put(name, new String(bytes, sep + 1, end - sep - 1, StandardCharsets.UTF_8));
      }
      index = end + 1;
    }
    return map;
  }

  /**
   * Parses {@code length} UTF-8 bytes of {@code buffer} from absolute {@code position}; the
   * buffer's position and limit are not changed (a direct buffer's bytes are copied once).
   */
  public static LinkedHashMap<String, String> decode(ByteBuffer buffer, int position, int length) {
    if (buffer.hasArray()) {
      return decode(buffer.array(), buffer.arrayOffset() + position, length);
    }
    byte[] copy = new byte[length];
    buffer.get(position, copy);
    return decode(copy, 0, length);
  }

  /** The value of {@code name} in an encoded properties string, or {@code null}. */
  public static String find(String encoded, String name) {
    String found = null;
    int len = encoded.length();
    int index = 0;
    while (index < len) {
      int end = encoded.indexOf(PROPERTY_SEPARATOR, index);
      if (end < 0) {
        end = len;
      }
      int sep = encoded.indexOf(NAME_VALUE_SEPARATOR, index);
      if (sep > index
          && sep < end - 1
          && sep - index == name.length()
          && encoded.startsWith(name, index)) {
        found = encoded.substring(sep + 1, end);
      }
      index = end + 1;
    }
    return found;
  }

  /** The value of {@code name} in {@code length} encoded bytes from {@code offset}, or null. */
  public static String find(byte[] bytes, int offset, int length, String name) {
    return find(ByteBuffer.wrap(bytes), offset, length, name);
  }

  /**
   * The value of {@code name} in {@code length} encoded bytes of {@code buffer} from absolute
   * {@code position}, or {@code null}; allocates only the returned value. Position and limit are
   * not changed.
   */
  public static String find(ByteBuffer buffer, int position, int length, String name) {
    byte[] nameBytes = asciiOrNull(name);
    if (nameBytes == null) {
      return decode(buffer, position, length).get(name);
    }
    int limit = position + length;
    int index = position;
    int valueStart = -1;
    int valueEnd = -1;
    while (index < limit) {
      int end = indexOf(buffer, PS, index, limit);
      int sep = indexOf(buffer, NV, index, end);
      if (sep > index && sep < end - 1 && sep - index == nameBytes.length) {
        if (regionEquals(buffer, index, nameBytes)) {
          valueStart = sep + 1;
          valueEnd = end;
        }
      }
      index = end + 1;
    }
    return valueStart < 0 ? null : Utf8.read(buffer, valueStart, valueEnd - valueStart);
  }

  /**
   * One pair encoded as {@code name\u0001value\u0002} in UTF-8, checked once, for {@link
   * #appendPairs}.
   *
   * @throws IllegalArgumentException if the name or value is empty or holds a separator
   */
  public static byte[] pair(String name, String value) {
    return append(new byte[0], name, value);
  }

  /**
   * Already-encoded properties followed by the pairs of {@code pairs} that are not null (each from
   * {@link #pair}), in one new array, with the missing trailing separator inserted first if needed;
   * {@code encoded} itself when every pair is null. Stamping several properties this way copies the
   * message's properties once instead of once a property.
   */
  public static byte[] appendPairs(byte[] encoded, byte[]... pairs) {
    byte[] suffix = suffixPairs(encoded, 0, encoded.length, pairs);
    if (suffix == null) {
      return encoded;
    }
    byte[] out = Arrays.copyOf(encoded, encoded.length + suffix.length);
    System.arraycopy(suffix, 0, out, encoded.length, suffix.length);
    return out;
  }

  /**
   * True when the encoded properties in {@code encoded[from, to)} are empty or end with a pair
   * separator, so that more pairs can follow as they are.
   */
  public static boolean isTerminated(byte[] encoded, int from, int to) {
    return to == from || encoded[to - 1] == PS;
  }

  /**
   * What {@link #appendPairs} would add after the encoded properties in {@code encoded[from, to)}:
   * the missing trailing separator if needed, then the pairs that are not null; null when every
   * pair is null. Lets a record store a range of a request's bytes followed by this suffix instead
   * of a copy of both.
   */
  public static byte[] suffixPairs(byte[] encoded, int from, int to, byte[]... pairs) {
    int added = 0;
    for (byte[] p : pairs) {
      if (p != null) {
        added += p.length;
      }
    }
    if (added == 0) {
      return null;
    }
    boolean needSep = !isTerminated(encoded, from, to);
    int pos = needSep ? 1 : 0;
    byte[] out = new byte[pos + added];
    if (needSep) {
      out[0] = PS;
    }
    for (byte[] p : pairs) {
      if (p != null) {
        System.arraycopy(p, 0, out, pos, p.length);
        pos += p.length;
      }
    }
    return out;
  }

  /**
   * Appends one pair to already-encoded properties, inserting the missing trailing separator first
   * if needed. Returns a new array; {@code encoded} is not changed.
   */
  public static byte[] append(byte[] encoded, String name, String value) {
    checkName(name);
    checkValue(name, value);
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    byte[] v = value.getBytes(StandardCharsets.UTF_8);
    boolean needSep = encoded.length > 0 && encoded[encoded.length - 1] != PS;
    int pos = encoded.length + (needSep ? 1 : 0);
    byte[] out = new byte[pos + n.length + v.length + 2];
    System.arraycopy(encoded, 0, out, 0, encoded.length);
    if (needSep) {
      out[encoded.length] = PS;
    }
    System.arraycopy(n, 0, out, pos, n.length);
    pos += n.length;
    out[pos++] = NV;
    System.arraycopy(v, 0, out, pos, v.length);
    out[pos + v.length] = PS;
    return out;
  }

  static void checkName(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("property name must not be null or empty");
    }
    if (hasSeparator(name)) {
      throw new IllegalArgumentException(
          "property name '" + name + "' contains a \\u0001 or \\u0002 separator");
    }
  }

  static void checkValue(String name, String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("value of property " + name + " must not be empty");
    }
    if (hasSeparator(value)) {
      throw new IllegalArgumentException(
          "value of property " + name + " contains a \\u0001 or \\u0002 separator");
    }
  }

  private static boolean hasSeparator(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == NAME_VALUE_SEPARATOR || c == PROPERTY_SEPARATOR) {
        return true;
      }
    }
    return false;
  }

  private static byte[] asciiOrNull(String name) {
    byte[] out = new byte[name.length()];
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= 0x80) {
        return null;
      }
      out[i] = (byte) c;
    }
    return out;
  }

  private static int indexOf(ByteBuffer buffer, byte b, int from, int limit) {
    for (int i = from; i < limit; i++) {
      if (buffer.get(i) == b) {
        return i;
      }
    }
    return limit;
  }

  private static boolean regionEquals(ByteBuffer buffer, int position, byte[] expected) {
    for (int i = 0; i < expected.length; i++) {
      if (buffer.get(position + i) != expected[i]) {
        return false;
      }
    }
    return true;
  }
}
