package io.kitemq.broker.processor;

import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.ResponseCode;
import java.util.concurrent.CompletableFuture;

/** Small factories for responses. */
final class Responses {

  private Responses() {}

  static RemotingCommand of(ResponseCode code, String remark) {
    return RemotingCommand.createResponse(code, remark);
  }

  static RemotingCommand success() {
    return RemotingCommand.createResponse(ResponseCode.SUCCESS, null);
  }

  static CompletableFuture<RemotingCommand> done(RemotingCommand response) {
    return CompletableFuture.completedFuture(response);
  }

  static CompletableFuture<RemotingCommand> done(ResponseCode code, String remark) {
    return CompletableFuture.completedFuture(of(code, remark));
  }
}
