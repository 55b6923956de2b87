package io.kitemq.common.message;

/**
 * The tag code a consume-queue entry stores: {@code String.hashCode()} of the TAGS property,
 * widened to long, 0 without a tag. Pull filtering compares subscriptions against it first.
 */
public final class TagHash {

  private TagHash() {}

  public static long of(String tags) {
    return tags == null || tags.isEmpty() ? 0 : tags.hashCode();
  }
}
