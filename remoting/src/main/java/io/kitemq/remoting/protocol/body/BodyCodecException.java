package io.kitemq.remoting.protocol.body;

/** A command body that cannot be decoded (malformed JSON, wrong shape, bad compressed stream). */
public class BodyCodecException extends Exception {

  public BodyCodecException(String message) {
    super(message);
  }

  public BodyCodecException(String message, Throwable cause) {
    super(message, cause);
  }
}
