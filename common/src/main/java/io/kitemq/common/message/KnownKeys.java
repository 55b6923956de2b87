package io.kitemq.common.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Canonical strings for the system property names, so that decoding a properties string does not
 * allocate a new name for TAGS, KEYS, UNIQ_KEY, WAIT and the like in every message. Immutable after
 * class initialisation; thread-safe.
 */
final class KnownKeys {

  private static final int MAX_LENGTH = 40;

  /** By byte length: the known names of that length, as bytes and as strings. */
  private static final byte[][][] BYTES = new byte[MAX_LENGTH + 1][][];

  private static final String[][] NAMES = new String[MAX_LENGTH + 1][];

  static {
    Set<String> all = new HashSet<>(MessageConst.RESERVED_KEYS);
    all.add(MessageConst.PROPERTY_TRANSACTION_ID);
    all.add(MessageConst.PROPERTY_TRANSACTION_CHECK_TIMES);
    all.add(MessageConst.PROPERTY_CHECK_IMMUNITY_TIME_IN_SECONDS);
    all.add(MessageConst.PROPERTY_INNER_NUM);
    all.add(MessageConst.PROPERTY_INNER_BASE);
    all.add(MessageConst.PROPERTY_SHARDING_KEY);
    all.add(MessageConst.PROPERTY_TRACE_CONTEXT);
    List<List<String>> byLength = new ArrayList<>();
    for (int i = 0; i <= MAX_LENGTH; i++) {
      byLength.add(new ArrayList<>());
    }
    for (String name : all) {
      if (name.length() <= MAX_LENGTH) {
        byLength.get(name.length()).add(name);
      }
    }
    for (int len = 0; len <= MAX_LENGTH; len++) {
      List<String> names = byLength.get(len);
      NAMES[len] = names.toArray(new String[0]);
      BYTES[len] = new byte[names.size()][];
      for (int i = 0; i < names.size(); i++) {
        BYTES[len][i] = names.get(i).getBytes(StandardCharsets.US_ASCII);
      }
    }
  }

  private KnownKeys() {}

  /** The canonical name spelt by {@code length} bytes at {@code offset}, or null if unknown. */
  static String lookup(byte[] bytes, int offset, int length) {
    if (length > MAX_LENGTH) {
      return null;
    }
    byte[][] candidates = BYTES[length];
    for (int c = 0; c < candidates.length; c++) {
      byte[] k = candidates[c];
      int i = 0;
      while (i < length && k[i] == bytes[offset + i]) {
        i++;
      }
      if (i == length) {
        return NAMES[length][c];
      }
    }
    return null;
  }
}
