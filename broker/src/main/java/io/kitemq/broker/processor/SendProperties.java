package io.kitemq.broker.processor;

import io.kitemq.common.message.MessageConst;
import java.nio.charset.StandardCharsets;

/**
 * The property values a send needs (CLUSTER, UNIQ_KEY, DELAY, TAGS, KEYS, WAIT, MSG_REGION,
 * TRACE_ON, TRAN_MSG), read from a message's encoded properties in one pass instead of one search
 * per name. Same rules as {@link io.kitemq.common.message.MessageProperties#find(byte[], int, int,
 * String)}: pairs are {@code name 0x01 value 0x02}, a pair with an empty name or value is skipped,
 * and the last pair of a name wins. Immutable; a value is {@code null} when absent.
 */
record SendProperties(
    String cluster,
    String uniqKey,
    String delayLevel,
    String tags,
    String keys,
    String waitStoreMsgOk,
    String region,
    String traceOn,
    String transactionPrepared) {

  private static final byte NV = (byte) MessageConst.NAME_VALUE_SEPARATOR;
  private static final byte PS = (byte) MessageConst.PROPERTY_SEPARATOR;
  private static final byte[] CLUSTER = ascii(MessageConst.PROPERTY_CLUSTER);
  private static final byte[] UNIQ_KEY = ascii(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
  private static final byte[] DELAY = ascii(MessageConst.PROPERTY_DELAY_TIME_LEVEL);
  private static final byte[] TAGS = ascii(MessageConst.PROPERTY_TAGS);
  private static final byte[] KEYS = ascii(MessageConst.PROPERTY_KEYS);
  private static final byte[] WAIT = ascii(MessageConst.PROPERTY_WAIT_STORE_MSG_OK);
  private static final byte[] REGION = ascii(MessageConst.PROPERTY_MSG_REGION);
  private static final byte[] TRACE_ON = ascii(MessageConst.PROPERTY_TRACE_SWITCH);
  private static final byte[] PREPARED = ascii(MessageConst.PROPERTY_TRANSACTION_PREPARED);

  /** Scans all of {@code props}. */
  static SendProperties scan(byte[] props) {
    return scan(props, 0, props.length);
  }

  /** Scans the encoded properties in {@code props[from, limit)}. */
  static SendProperties scan(byte[] props, int from, int limit) {
    String cluster = null;
    String uniqKey = null;
    String delay = null;
    String tags = null;
    String keys = null;
    String wait = null;
    String region = null;
    String traceOn = null;
    String prepared = null;
    int index = from;
    while (index < limit) {
      // The name is read up to its separator, the value up to the pair's end: each byte once.
      int sep = index;
      while (sep < limit && props[sep] != NV && props[sep] != PS) {
        sep++;
      }
      if (sep == limit || props[sep] == PS) {
        index = sep + 1;
        continue;
      }
      int end = indexOf(props, PS, sep + 1, limit);
      if (sep > index && end > sep + 1) {
        int nameLength = sep - index;
        if (is(props, index, nameLength, TAGS)) {
          tags = value(props, sep, end);
        } else if (is(props, index, nameLength, KEYS)) {
          keys = value(props, sep, end);
        } else if (is(props, index, nameLength, UNIQ_KEY)) {
          uniqKey = value(props, sep, end);
        } else if (is(props, index, nameLength, CLUSTER)) {
          cluster = value(props, sep, end);
        } else if (is(props, index, nameLength, DELAY)) {
          delay = value(props, sep, end);
        } else if (is(props, index, nameLength, WAIT)) {
          wait = value(props, sep, end);
        } else if (is(props, index, nameLength, REGION)) {
          region = value(props, sep, end);
        } else if (is(props, index, nameLength, TRACE_ON)) {
          traceOn = value(props, sep, end);
        } else if (is(props, index, nameLength, PREPARED)) {
          prepared = value(props, sep, end);
        }
      }
      index = end + 1;
    }
    return new SendProperties(cluster, uniqKey, delay, tags, keys, wait, region, traceOn, prepared);
  }

  /** The producer asked not to wait for the store's flush ({@code WAIT=false}). */
  boolean noFlushWait() {
    return "false".equals(waitStoreMsgOk);
  }

  private static String value(byte[] props, int sep, int end) {
    return new String(props, sep + 1, end - sep - 1, StandardCharsets.UTF_8);
  }

  private static boolean is(byte[] props, int from, int length, byte[] name) {
    if (length != name.length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (props[from + i] != name[i]) {
        return false;
      }
    }
    return true;
  }

  /** The index of {@code b} in [from, to), or {@code to}. */
  private static int indexOf(byte[] bytes, byte b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return to;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
