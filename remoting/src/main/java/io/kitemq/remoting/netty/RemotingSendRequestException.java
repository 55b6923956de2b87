package io.kitemq.remoting.netty;

/** The request was not written, or its connection closed before the response arrived. */
public class RemotingSendRequestException extends RemotingException {

  public RemotingSendRequestException(
      Reason reason, String address, String message, Throwable cause) {
    super(reason, address, message, cause);
  }
}
