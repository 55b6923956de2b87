package io.kitemq.common.message;

import io.kitemq.common.util.Hex;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The real V1 record the official 5.x jar writes for topic T, body "hi", properties a=b. */
final class GoldenRecord {

  static final long BORN_TIMESTAMP = 0x18bcfe56800L;
  static final long STORE_TIMESTAMP = 0x18bcfe5687bL;

  private GoldenRecord() {}

  static byte[] bytes() {
    // The published dump, with the spaces removed.
    return Hex.decode(
        "00000062"
            + "daa320a7"
            + "58932aac"
            + "00000001"
            + "00000000"
            + "0000000000000005"
            + "0000000000001000"
            + "00000000"
            + "0000018bcfe56800"
            + "0a000005"
            + "0000c350"
            + "0000018bcfe5687b"
            + "0a000001"
            + "00002a9f"
            + "00000000"
            + "0000000000000000"
            + "00000002"
            + "6869"
            + "01"
            + "54"
            + "0004"
            + "61016202");
  }

  static InetSocketAddress bornHost() {
    return address(new byte[] {10, 0, 0, 5}, 50000);
  }

  static InetSocketAddress storeHost() {
    return address(new byte[] {10, 0, 0, 1}, 10911);
  }

  static InetSocketAddress address(byte[] ip, int port) {
    try {
      return new InetSocketAddress(InetAddress.getByAddress(ip), port);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static RecordDraft draft() {
    return RecordDraft.builder()
        .topic("T")
        .queueId(1)
        .bornTimestamp(BORN_TIMESTAMP)
        .bornHost(bornHost())
        .storeHost(storeHost())
        .body("hi".getBytes(StandardCharsets.UTF_8))
        .propertiesBytes(MessageProperties.encodeToBytes(Map.of("a", "b")))
        .build();
  }
}
