package io.kitemq.remoting.protocol.header;

/**
 * Which end of a run of equal timestamps SEARCH_OFFSET_BY_TIMESTAMP returns. Written as the enum
 * name ({@code LOWER}/{@code UPPER}, as RocketMQ's reflective flattening writes it), read
 * case-insensitively; anything but {@code upper} reads as {@link #LOWER}.
 */
public enum BoundaryType {
  LOWER,
  UPPER;

  public static BoundaryType parse(String value) {
    return "upper".equalsIgnoreCase(value) ? UPPER : LOWER;
  }

  /** Like {@link #parse(String)}, but null stays null (the key was absent). */
  public static BoundaryType parseNullable(String value) {
    return value == null ? null : parse(value);
  }
}
