package io.kitemq.client.internal;

import io.kitemq.client.BrokerException;
import io.kitemq.client.ClientException;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RemotingCommandException;
import io.kitemq.remoting.protocol.ResponseCode;
import io.kitemq.remoting.protocol.body.BodyCodec;
import io.kitemq.remoting.protocol.body.BodyCodecException;

/** Helpers that turn responses into values or typed errors. */
final class Responses {

  private Responses() {}

  /** Throws a {@link BrokerException} unless the response code is SUCCESS. */
  static RemotingCommand requireSuccess(RemotingCommand response, String address)
      throws BrokerException {
    if (response.code() != ResponseCode.SUCCESS.code()) {
      throw new BrokerException(response.code(), response.remark(), address);
    }
    return response;
  }

  /** Decodes the JSON body of a successful response. */
  static <T> T body(RemotingCommand response, Class<T> type, String address)
      throws ClientException {
    byte[] bytes = response.body();
    if (bytes == null) {
      throw new ClientException("empty " + type.getSimpleName() + " body from " + address);
    }
    try {
      return BodyCodec.decode(bytes, type);
    } catch (BodyCodecException e) {
      throw new ClientException("bad " + type.getSimpleName() + " body from " + address, e);
    }
  }

  static ClientException badHeader(RemotingCommandException e, String address) {
    return new ClientException("bad response header from " + address, e);
  }
}
