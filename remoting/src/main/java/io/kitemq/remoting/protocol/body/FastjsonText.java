package io.kitemq.remoting.protocol.body;

/**
 * Rewrites the non-standard JSON that fastjson writes by default into standard JSON, so that a
 * standard parser can read it. Two quirks are handled, both in object-key position only:
 *
 * <ul>
 *   <li>unquoted keys, e.g. numeric map keys {@code {0:"a"}} become {@code {"0":"a"}};
 *   <li>object or array keys, e.g. {@code {{"topic":"T","queueId":0}:5}} become a string key
 *       holding the key's own (standard) JSON text: {@code {"{\"topic\":\"T\",\"queueId\":0}":5}},
 *       which {@link ObjectKeyDeserializer} turns back into the key object.
 * </ul>
 *
 * Everything else (strings, values, whitespace) is copied unchanged; malformed input stays
 * malformed and is reported by the parser afterwards. Stateless and thread-safe.
 */
final class FastjsonText {

  private static final int MAX_DEPTH = 512;

  private FastjsonText() {}

  /** Standard JSON text equivalent to {@code in}. */
  static String toStandardJson(String in) {
    StringBuilder out = new StringBuilder(in.length() + 16);
    rewrite(in, 0, in.length(), out);
    return out.toString();
  }

  private static void rewrite(String in, int from, int to, StringBuilder out) {
    // stack[depth] is true for an object, false for an array
    boolean[] stack = new boolean[MAX_DEPTH];
    int depth = -1;
    boolean expectKey = false;
    int i = from;
    while (i < to) {
      char c = in.charAt(i);
      if (Character.isWhitespace(c)) {
        out.append(c);
        i++;
        continue;
      }
      boolean keyPosition = depth >= 0 && stack[depth] && expectKey;
      if (keyPosition && c != '}') {
        int end;
        if (c == '"') {
          end = skipString(in, i, to);
          out.append(in, i, end);
        } else if (c == '{' || c == '[') {
          end = skipComposite(in, i, to);
          StringBuilder key = new StringBuilder();
          rewrite(in, i, end, key);
          appendQuoted(key, out);
        } else {
          end = i;
          while (end < to && in.charAt(end) != ':' && !Character.isWhitespace(in.charAt(end))) {
            end++;
          }
          appendQuoted(in.subSequence(i, end), out);
        }
        expectKey = false;
        i = end;
        continue;
      }
      switch (c) {
        case '"' -> {
          int end = skipString(in, i, to);
          out.append(in, i, end);
          i = end;
          continue;
        }
        case '{', '[' -> {
          if (depth + 1 >= MAX_DEPTH) {
            throw new IllegalArgumentException("JSON nested deeper than " + MAX_DEPTH);
          }
          stack[++depth] = c == '{';
          expectKey = c == '{';
        }
        case '}', ']' -> {
          depth = Math.max(-1, depth - 1);
          expectKey = false;
        }
        case ',' -> expectKey = depth >= 0 && stack[depth];
        case ':' -> expectKey = false;
        default -> {
          // part of a scalar value
        }
      }
      out.append(c);
      i++;
    }
  }

  /** Index just past the string literal starting at {@code start} (a quote). */
  private static int skipString(String in, int start, int to) {
    int i = start + 1;
    while (i < to) {
      char c = in.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '"') {
        return i + 1;
      } else {
        i++;
      }
    }
    return to;
  }

  /** Index just past the object or array starting at {@code start}. */
  private static int skipComposite(String in, int start, int to) {
    int nesting = 0;
    int i = start;
    while (i < to) {
      char c = in.charAt(i);
      if (c == '"') {
        i = skipString(in, i, to);
        continue;
      }
      if (c == '{' || c == '[') {
        nesting++;
      } else if (c == '}' || c == ']') {
        nesting--;
        if (nesting == 0) {
          return i + 1;
        }
      }
      i++;
    }
    return to;
  }

  private static void appendQuoted(CharSequence text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
