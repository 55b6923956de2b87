package io.kitemq.client;

/** A client call failed: bad input, no route, or no broker could be reached in time. */
public class ClientException extends Exception {

  private static final long serialVersionUID = 1L;

  public ClientException(String message) {
    super(message);
  }

  public ClientException(String message, Throwable cause) {
    super(message, cause);
  }
}
