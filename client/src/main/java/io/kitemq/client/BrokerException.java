package io.kitemq.client;

import io.kitemq.remoting.protocol.ResponseCode;
import java.util.Optional;

/** A broker or name server answered a request with an error code; carries that code and remark. */
public final class BrokerException extends ClientException {

  private static final long serialVersionUID = 1L;

  private final int code;
  private final String remark;
  private final String address;

  public BrokerException(int code, String remark, String address) {
    super(ResponseCode.describe(code) + " from " + address + ": " + remark);
    this.code = code;
    this.remark = remark;
    this.address = address;
  }

  /** The wire response code. */
  public int code() {
    return code;
  }

  /** The response code as a constant, empty when the code is not one we know. */
  public Optional<ResponseCode> responseCode() {
    return Optional.ofNullable(ResponseCode.fromCode(code));
  }

  /** The remark the server sent, may be null. */
  public String remark() {
    return remark;
  }

  /** The {@code host:port} that answered. */
  public String address() {
    return address;
  }
}
