package io.kitemq.remoting.netty;

/** No connection to the peer: connect failed or timed out, or the endpoint is closed. */
public class RemotingConnectException extends RemotingException {

  public RemotingConnectException(Reason reason, String address, String message, Throwable cause) {
    super(reason, address, message, cause);
  }
}
