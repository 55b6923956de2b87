package io.kitemq.store;

/**
 * Something that keeps a mapped region alive while a reader uses a slice of it. Each successful
 * acquisition is matched by exactly one {@link #release()}; after the last release of a deleted
 * segment its mapping is unmapped, and slices of it must not be touched any more.
 */
public interface BufferOwner {

  /** Gives back one reference taken for a reader. */
  void release();
}
