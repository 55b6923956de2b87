package io.kitemq.remoting.protocol;

/**
 * Implementation language of a command's sender, as carried in every header.
 *
 * <p>JSON headers carry the enum name, binary headers the one-byte {@link #code()}; for every
 * constant the code equals the ordinal, which fastjson also accepts in JSON. Immutable.
 */
public enum LanguageCode {
  JAVA(0),
  CPP(1),
  DOTNET(2),
  PYTHON(3),
  DELPHI(4),
  ERLANG(5),
  RUBY(6),
  OTHER(7),
  HTTP(8),
  GO(9),
  PHP(10),
  OMS(11),
  RUST(12),
  NODE_JS(13);

  private static final LanguageCode[] BY_CODE = values();

  private final byte code;

  LanguageCode(int code) {
    this.code = (byte) code;
  }

  /** The byte written in the binary header. */
  public byte code() {
    return code;
  }

  /**
   * The language for a binary code; an unknown code maps to {@link #OTHER} so that a newer peer's
   * language never fails a decode.
   */
  public static LanguageCode fromCode(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : OTHER;
  }

  /** The language for a JSON name; an unknown name maps to {@link #OTHER} (never fails). */
  public static LanguageCode fromName(String name) {
    for (LanguageCode language : BY_CODE) {
      if (language.name().equals(name)) {
        return language;
      }
    }
    return OTHER;
  }
}
