package io.kitemq.remoting.netty;

/**
 * A remote call that did not produce a response: the {@link #reason()} says why, {@link #address()}
 * names the peer. Subclasses group the reasons by kind.
 */
public class RemotingException extends Exception {

  /** Why a call failed. */
  public enum Reason {
    /** No connection could be opened to the address. */
    CONNECT_FAILED,
    /** The request could not be written to the connection. */
    SEND_FAILED,
    /** The connection closed while the call was in flight. */
    CONNECTION_CLOSED,
    /** No response arrived within the call's timeout. */
    TIMEOUT,
    /** The client or server making the call has been closed. */
    ENDPOINT_CLOSED
  }

  private final Reason reason;
  private final String address;

  public RemotingException(Reason reason, String address, String message, Throwable cause) {
    super(message + " [" + reason + ", " + address + "]", cause);
    this.reason = reason;
    this.address = address;
  }

  public Reason reason() {
    return reason;
  }

  /** The peer address as {@code host:port}, or a description when unknown. */
  public String address() {
    return address;
  }
}
