package io.kitemq.remoting.netty;

/** The request was sent but no response arrived within the call's timeout. */
public class RemotingTimeoutException extends RemotingException {

  private final long timeoutMillis;

  public RemotingTimeoutException(String address, long timeoutMillis) {
    super(Reason.TIMEOUT, address, "no response within " + timeoutMillis + " ms", null);
    this.timeoutMillis = timeoutMillis;
  }

  public long timeoutMillis() {
    return timeoutMillis;
  }
}
