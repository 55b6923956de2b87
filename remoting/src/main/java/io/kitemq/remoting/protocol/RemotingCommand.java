package io.kitemq.remoting.protocol;

import io.kitemq.remoting.protocol.header.CommandHeader;
import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCounted;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One request or response of the remoting protocol: the header fields plus an optional body.
 *
 * <p>Flag bits: bit 0 = response ({@link #RESPONSE_FLAG}), bit 1 = oneway ({@link #ONEWAY_FLAG}).
 * The custom header of a command travels as the flat string map {@link #extFields()}; typed headers
 * in {@code io.kitemq.remoting.protocol.header} convert to and from it.
 *
 * <p><b>Body.</b> A body is either a {@code byte[]} ({@link #setBody(byte[])}) or a Netty {@link
 * ByteBuf} ({@link #setBody(ByteBuf)}), e.g. a composite of slices of memory-mapped files sent
 * without copying. A ByteBuf body is <em>owned by the command</em>: writing the command to a
 * channel passes ownership to the frame encoder, which releases it once the bytes are written (or
 * the write fails). A command with a ByteBuf body that is never written must be released by its
 * owner with {@link #release()}. To make Netty release it on every path, the command implements
 * {@link ReferenceCounted} by delegating to its ByteBuf body (without one it reports a count of 1
 * and release is a no-op). Decoded (inbound) commands always carry a {@code byte[]} body (or none).
 *
 * <p><b>Thread-safety:</b> not thread-safe. Hand a command to another thread only through a
 * happens-before edge (an executor, a future).
 */
public final class RemotingCommand implements ReferenceCounted {

  /** Flag bit 0: the command is a response. */
  public static final int RESPONSE_FLAG = 1;

  /** Flag bit 1: the sender expects no response. */
  public static final int ONEWAY_FLAG = 1 << 1;

  private static final AtomicInteger REQUEST_IDS = new AtomicInteger(0);

  private int code;
  private LanguageCode language = LanguageCode.JAVA;
  private int version = RemotingVersion.CURRENT;
  private int opaque;
  private int flag;
  private String remark;
  private HashMap<String, String> extFields;
  private byte[] body;
  private ByteBuf bodyBuf;
  private SerializeType serializeType = SerializeType.JSON;

  /** An empty command (code 0, request); mostly for decoders. */
  public RemotingCommand() {}

  /** A new request with the next process-wide opaque. */
  public static RemotingCommand createRequest(int code) {
    RemotingCommand cmd = new RemotingCommand();
    cmd.code = code;
    cmd.opaque = REQUEST_IDS.getAndIncrement();
    return cmd;
  }

  /** A new request whose extFields hold the given header's fields. */
  public static RemotingCommand createRequest(int code, CommandHeader header) {
    RemotingCommand cmd = createRequest(code);
    cmd.writeHeader(header);
    return cmd;
  }

  /**
   * A response to {@code request}: same opaque and serialization type, response bit set.
   *
   * @param remark may be null
   */
  public static RemotingCommand createResponse(RemotingCommand request, int code, String remark) {
    RemotingCommand cmd = createResponse(code, remark);
    cmd.opaque = request.opaque;
    cmd.serializeType = request.serializeType;
    return cmd;
  }

  /**
   * A response not yet tied to a request; the transport copies the request's opaque and
   * serialization type into it before sending.
   */
  public static RemotingCommand createResponse(int code, String remark) {
    RemotingCommand cmd = new RemotingCommand();
    cmd.code = code;
    cmd.remark = remark;
    cmd.flag = RESPONSE_FLAG;
    return cmd;
  }

  /** A response with a typed response code. */
  public static RemotingCommand createResponse(ResponseCode code, String remark) {
    return createResponse(code.code(), remark);
  }

  /** Copies every field of {@code header} into {@link #extFields()} (null fields are skipped). */
  public RemotingCommand writeHeader(CommandHeader header) {
    if (extFields == null) {
      extFields = new HashMap<>();
    }
    header.writeTo(extFields);
    return this;
  }

  /** Ties this response to {@code request}: copies its opaque and serialization type. */
  public void answer(RemotingCommand request) {
    this.opaque = request.opaque;
    this.serializeType = request.serializeType;
    this.flag |= RESPONSE_FLAG;
  }

  public int code() {
    return code;
  }

  public RemotingCommand setCode(int code) {
    this.code = code;
    return this;
  }

  /** Never null on commands built here; a decoded unknown language reads as OTHER. */
  public LanguageCode language() {
    return language;
  }

  public RemotingCommand setLanguage(LanguageCode language) {
    this.language = language == null ? LanguageCode.OTHER : language;
    return this;
  }

  public int version() {
    return version;
  }

  public RemotingCommand setVersion(int version) {
    this.version = version;
    return this;
  }

  public int opaque() {
    return opaque;
  }

  public RemotingCommand setOpaque(int opaque) {
    this.opaque = opaque;
    return this;
  }

  public int flag() {
    return flag;
  }

  public RemotingCommand setFlag(int flag) {
    this.flag = flag;
    return this;
  }

  public boolean isResponse() {
    return (flag & RESPONSE_FLAG) != 0;
  }

  public boolean isOneway() {
    return (flag & ONEWAY_FLAG) != 0;
  }

  public RemotingCommand markResponse() {
    flag |= RESPONSE_FLAG;
    return this;
  }

  public RemotingCommand markOneway() {
    flag |= ONEWAY_FLAG;
    return this;
  }

  /** The remark, or null. */
  public String remark() {
    return remark;
  }

  public RemotingCommand setRemark(String remark) {
    this.remark = remark;
    return this;
  }

  /** The custom header map (mutable, owned by this command), or null when there is none. */
  public HashMap<String, String> extFields() {
    return extFields;
  }

  /** The custom header map, never null (empty and detached when there is none). */
  public Map<String, String> extFieldsOrEmpty() {
    return extFields == null ? Map.of() : extFields;
  }

  public RemotingCommand setExtFields(HashMap<String, String> extFields) {
    this.extFields = extFields;
    return this;
  }

  public RemotingCommand addExtField(String key, String value) {
    if (extFields == null) {
      extFields = new HashMap<>();
    }
    extFields.put(key, value);
    return this;
  }

  /** The byte[] body, or null when there is none or the body is a ByteBuf. */
  public byte[] body() {
    return body;
  }

  /** The ByteBuf body (still owned by this command), or null. */
  public ByteBuf bodyBuf() {
    return bodyBuf;
  }

  /** Body length in bytes, whichever form it has. */
  public int bodyLength() {
    if (bodyBuf != null) {
      return bodyBuf.readableBytes();
    }
    return body == null ? 0 : body.length;
  }

  /** Sets a byte[] body (not copied); releases a ByteBuf body set before. */
  public RemotingCommand setBody(byte[] body) {
    releaseBodyBuf();
    this.body = body;
    return this;
  }

  /**
   * Sets a ByteBuf body; the command takes ownership of one reference (see the class comment). A
   * ByteBuf body set before is released.
   */
  public RemotingCommand setBody(ByteBuf body) {
    releaseBodyBuf();
    this.body = null;
    this.bodyBuf = body;
    return this;
  }

  /** The serialization the command arrived in (decoded) or will be written in (outbound). */
  public SerializeType serializeType() {
    return serializeType;
  }

  public RemotingCommand setSerializeType(SerializeType serializeType) {
    this.serializeType = serializeType;
    return this;
  }

  private void releaseBodyBuf() {
    if (bodyBuf != null) {
      ByteBuf old = bodyBuf;
      bodyBuf = null;
      old.release();
    }
  }

  @Override
  public int refCnt() {
    return bodyBuf == null ? 1 : bodyBuf.refCnt();
  }

  @Override
  public RemotingCommand retain() {
    if (bodyBuf != null) {
      bodyBuf.retain();
    }
    return this;
  }

  @Override
  public RemotingCommand retain(int increment) {
    if (bodyBuf != null) {
      bodyBuf.retain(increment);
    }
    return this;
  }

  @Override
  public RemotingCommand touch() {
    if (bodyBuf != null) {
      bodyBuf.touch();
    }
    return this;
  }

  @Override
  public RemotingCommand touch(Object hint) {
    if (bodyBuf != null) {
      bodyBuf.touch(hint);
    }
    return this;
  }

  @Override
  public boolean release() {
    return bodyBuf != null && bodyBuf.release();
  }

  @Override
  public boolean release(int decrement) {
    return bodyBuf != null && bodyBuf.release(decrement);
  }

  @Override
  public String toString() {
    return "RemotingCommand[code="
        + code
        + ", language="
        + language
        + ", version="
        + version
        + ", opaque="
        + opaque
        + ", flag="
        + flag
        + ", remark="
        + remark
        + ", extFields="
        + extFields
        + ", bodyLength="
        + bodyLength()
        + ", serializeType="
        + serializeType
        + "]";
  }
}
