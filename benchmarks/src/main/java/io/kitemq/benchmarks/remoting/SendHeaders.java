package io.kitemq.benchmarks.remoting;

import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RequestCode;
import io.kitemq.remoting.protocol.SerializeType;
import io.kitemq.remoting.protocol.header.RpcHeader;
import io.kitemq.remoting.protocol.header.SendMessageRequestHeaderV2;

/** A realistic SEND_MESSAGE_V2 request, as the official Java client sends it. */
final class SendHeaders {

  private SendHeaders() {}

  static SendMessageRequestHeaderV2 header() {
    return new SendMessageRequestHeaderV2(
        "PG",
        "TopicTest",
        "TBW102",
        4,
        2,
        0,
        1_700_000_000_000L,
        0,
        "KEYS\u0001key1 key2\u0002u1\u0001v1\u0002UNIQ_KEY\u0001"
            + "FD000000000000000000000000000000\u0002WAIT\u0001true\u0002TAGS\u0001TagA\u0002",
        0,
        false,
        null,
        false,
        "broker-a",
        RpcHeader.NONE);
  }

  static RemotingCommand request(SerializeType type) {
    return RemotingCommand.createRequest(RequestCode.SEND_MESSAGE_V2, header())
        .setSerializeType(type);
  }
}
