package io.kitemq.nameserver.processor;

import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.ResponseCode;
import io.kitemq.remoting.protocol.body.BodyCodec;

/** Response builders shared by the processors. Stateless. */
final class Responses {

  private Responses() {}

  static RemotingCommand success() {
    return RemotingCommand.createResponse(ResponseCode.SUCCESS, null);
  }

  /** SUCCESS with {@code body} as JSON. */
  static RemotingCommand json(Object body) {
    return success().setBody(BodyCodec.encode(body));
  }

  /** What RocketMQ answers for a list request switched off in the config. */
  static RemotingCommand disabled() {
    return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, "disable");
  }

  static RemotingCommand notSupported(int code) {
    return RemotingCommand.createResponse(
        ResponseCode.REQUEST_CODE_NOT_SUPPORTED, " request type " + code + " not supported");
  }
}
