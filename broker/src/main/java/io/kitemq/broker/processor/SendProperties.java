package io.kitemq.broker.processor;

import io.kitemq.common.message.MessageConst;
import io.kitemq.common.util.ByteSearch;
import java.nio.charset.StandardCharsets;

/**
 * Where the property values a send needs (CLUSTER, UNIQ_KEY, DELAY, TAGS, KEYS, WAIT, MSG_REGION,
 * TRACE_ON, TRAN_MSG) lie in a message's encoded properties, found in one pass instead of one
 * search per name. Same rules as {@link io.kitemq.common.message.MessageProperties#find(byte[],
 * int, int, String)}: pairs are {@code name 0x01 value 0x02}, a pair with an empty name or value is
 * skipped, and the last pair of a name wins.
 *
 * <p>A value becomes a string only when asked for: a batch of 64 messages from the official client
 * carries WAIT in every entry, and making strings nobody reads took a third of this scan's time.
 * The accessors return {@code null} when the name is absent. Not thread-safe; the bytes must not
 * change while the scan is in use.
 */
final class SendProperties {

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
  private static final byte[] FALSE = ascii("false");

  private final byte[] props;
  // Each value's place as (start << 32 | end); a value never starts at 0, so 0 means absent.
  private long cluster;
  private long uniqKey;
  private long delayLevel;
  private long tags;
  private long keys;
  private long waitStoreMsgOk;
  private long region;
  private long traceOn;
  private long transactionPrepared;

  private SendProperties(byte[] props) {
    this.props = props;
  }

  /** Scans all of {@code props}. */
  static SendProperties scan(byte[] props) {
    return scan(props, 0, props.length);
  }

  /** Scans the encoded properties in {@code props[from, limit)}. */
  static SendProperties scan(byte[] props, int from, int limit) {
    SendProperties found = new SendProperties(props);
    int index = from;
    while (index < limit) {
      // The name is read up to its separator, the value up to the pair's end: each byte once.
      int sep = ByteSearch.indexOfEither(props, NV, PS, index, limit);
      if (sep == limit || props[sep] == PS) {
        index = sep + 1;
        continue;
      }
      int end = ByteSearch.indexOf(props, PS, sep + 1, limit);
      if (sep > index && end > sep + 1) {
        found.record(index, sep - index, (long) (sep + 1) << 32 | end);
      }
      index = end + 1;
    }
    return found;
  }

  private void record(int name, int nameLength, long value) {
    if (is(name, nameLength, TAGS)) {
      tags = value;
    } else if (is(name, nameLength, KEYS)) {
      keys = value;
    } else if (is(name, nameLength, UNIQ_KEY)) {
      uniqKey = value;
    } else if (is(name, nameLength, WAIT)) {
      waitStoreMsgOk = value;
    } else if (is(name, nameLength, CLUSTER)) {
      cluster = value;
    } else if (is(name, nameLength, DELAY)) {
      delayLevel = value;
    } else if (is(name, nameLength, REGION)) {
      region = value;
    } else if (is(name, nameLength, TRACE_ON)) {
      traceOn = value;
    } else if (is(name, nameLength, PREPARED)) {
      transactionPrepared = value;
    }
  }

  String cluster() {
    return string(cluster);
  }

  String uniqKey() {
    return string(uniqKey);
  }

  boolean hasUniqKey() {
    return uniqKey != 0;
  }

  String delayLevel() {
    return string(delayLevel);
  }

  String tags() {
    return string(tags);
  }

  String keys() {
    return string(keys);
  }

  String waitStoreMsgOk() {
    return string(waitStoreMsgOk);
  }

  String region() {
    return string(region);
  }

  boolean hasRegion() {
    return region != 0;
  }

  String traceOn() {
    return string(traceOn);
  }

  boolean hasTraceOn() {
    return traceOn != 0;
  }

  boolean hasCluster() {
    return cluster != 0;
  }

  String transactionPrepared() {
    return string(transactionPrepared);
  }

  /** The producer asked not to wait for the store's flush ({@code WAIT=false}). */
  boolean noFlushWait() {
    if (waitStoreMsgOk == 0) {
      return false;
    }
    int start = (int) (waitStoreMsgOk >>> 32);
    return is(start, (int) waitStoreMsgOk - start, FALSE);
  }

  private String string(long place) {
    if (place == 0) {
      return null;
    }
    int start = (int) (place >>> 32);
    return new String(props, start, (int) place - start, StandardCharsets.UTF_8);
  }

  private boolean is(int from, int length, byte[] name) {
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

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
