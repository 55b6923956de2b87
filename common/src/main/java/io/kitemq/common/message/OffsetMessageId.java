package io.kitemq.common.message;

import io.kitemq.common.util.Hex;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * The offset message id: where a record lives, spelt as upper-case hex.
 *
 * <pre>
 * | store host IP (4 or 16) | store port (int, 4) | commit-log offset (long, 8) |
 * </pre>
 *
 * 32 chars for an IPv4 store host, 56 for IPv6. Immutable.
 *
 * @param storeHost the broker address that stored the record
 * @param commitLogOffset the record's physical offset in that broker's commit log
 */
public record OffsetMessageId(InetSocketAddress storeHost, long commitLogOffset) {

  public static final int IPV4_LENGTH = 32;
  public static final int IPV6_LENGTH = 56;

  public OffsetMessageId {
    Objects.requireNonNull(storeHost, "storeHost");
  }

  /** Encodes this id. */
  public String encode() {
    return encode(storeHost, commitLogOffset);
  }

  /** The id of the record at {@code commitLogOffset} stored by {@code storeHost}. */
  public static String encode(InetSocketAddress storeHost, long commitLogOffset) {
    InetAddress address = storeHost.getAddress();
    if (address == null) {
      throw new IllegalArgumentException("store host is unresolved: " + storeHost);
    }
    return encode(address.getAddress(), storeHost.getPort(), commitLogOffset);
  }

  /** Same from the raw 4- or 16-byte address, for callers that keep it pre-encoded. */
  public static String encode(byte[] ip, int port, long commitLogOffset) {
    if (ip.length != 4 && ip.length != 16) {
      throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + ip.length);
    }
    char[] out = new char[(ip.length + 12) * 2];
    for (int i = 0; i < ip.length; i++) {
      Hex.writeByte(out, i * 2, ip[i]);
    }
    int pos = ip.length * 2;
    Hex.writeInt(out, pos, port);
    Hex.writeLong(out, pos + 8, commitLogOffset);
    return new String(out);
  }

  /**
   * The ids of several records stored by one host, comma-joined as a batch's send response carries
   * them. The host part is encoded once and copied, not encoded again for each record.
   */
  public static String encodeAll(byte[] ip, int port, long[] commitLogOffsets) {
    if (commitLogOffsets.length == 0) {
      return "";
    }
    String first = encode(ip, port, commitLogOffsets[0]);
    int idLength = first.length();
    int hostLength = idLength - 16;
    char[] out = new char[commitLogOffsets.length * (idLength + 1) - 1];
    first.getChars(0, idLength, out, 0);
    for (int i = 1; i < commitLogOffsets.length; i++) {
      int pos = i * (idLength + 1);
      out[pos - 1] = ',';
      System.arraycopy(out, 0, out, pos, hostLength);
      Hex.writeLong(out, pos + hostLength, commitLogOffsets[i]);
    }
    return new String(out);
  }

  /**
   * Decodes an offset message id (hex in either case).
   *
   * @throws IllegalArgumentException if it is not 32 or 56 hex chars
   */
  public static OffsetMessageId decode(String id) {
    if (id == null || (id.length() != IPV4_LENGTH && id.length() != IPV6_LENGTH)) {
      throw new IllegalArgumentException(
          "an offset message id has 32 or 56 hex chars: " + (id == null ? "null" : "'" + id + "'"));
    }
    byte[] bytes = Hex.decode(id);
    int ipLength = bytes.length - 12;
    byte[] ip = new byte[ipLength];
    System.arraycopy(bytes, 0, ip, 0, ipLength);
    int port = readInt(bytes, ipLength);
    long offset =
        (long) readInt(bytes, ipLength + 4) << 32 | readInt(bytes, ipLength + 8) & 0xFFFFFFFFL;
    try {
      return new OffsetMessageId(new InetSocketAddress(InetAddress.getByAddress(ip), port), offset);
    } catch (UnknownHostException | IllegalArgumentException e) {
      throw new IllegalArgumentException("bad address in offset message id '" + id + "'", e);
    }
  }

  private static int readInt(byte[] b, int pos) {
    return (b[pos] & 0xFF) << 24
        | (b[pos + 1] & 0xFF) << 16
        | (b[pos + 2] & 0xFF) << 8
        | b[pos + 3] & 0xFF;
  }
}
