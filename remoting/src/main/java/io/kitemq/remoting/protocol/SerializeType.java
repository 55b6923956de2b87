package io.kitemq.remoting.protocol;

/**
 * How a command header is serialized, stored in the high byte of the frame's header-length field.
 * Immutable.
 */
public enum SerializeType {
  /** fastjson-compatible JSON text (type byte 0), the default of the Java client. */
  JSON((byte) 0),
  /** The compact binary layout of {@code RocketMQSerializable} (type byte 1). */
  ROCKETMQ((byte) 1);

  private final byte code;

  SerializeType(byte code) {
    this.code = code;
  }

  /** The byte stored in bits 31..24 of the header-length field. */
  public byte code() {
    return code;
  }

  /**
   * The type for a frame's type byte.
   *
   * @throws RemotingCommandException for a byte that names no known type
   */
  public static SerializeType fromCode(int code) throws RemotingCommandException {
    if (code == 0) {
      return JSON;
    }
    if (code == 1) {
      return ROCKETMQ;
    }
    throw new RemotingCommandException("unknown serialization type " + code);
  }
}
