package io.kitemq.common.topic;

/**
 * Permission bits of a topic (and of a broker in route data): READ 4, WRITE 2, INHERIT 1 (a
 * template topic whose settings new topics inherit), PRIORITY 8. Stateless.
 */
public final class TopicPermission {

  public static final int PRIORITY = 0x1 << 3;
  public static final int READ = 0x1 << 2;
  public static final int WRITE = 0x1 << 1;
  public static final int INHERIT = 0x1;

  /** READ | WRITE, the default of a new topic. */
  public static final int READ_WRITE = READ | WRITE;

  private TopicPermission() {}

  public static boolean isReadable(int perm) {
    return (perm & READ) == READ;
  }

  public static boolean isWriteable(int perm) {
    return (perm & WRITE) == WRITE;
  }

  public static boolean isInherited(int perm) {
    return (perm & INHERIT) == INHERIT;
  }

  public static boolean isPriority(int perm) {
    return (perm & PRIORITY) == PRIORITY;
  }

  /** Readable or writeable. */
  public static boolean isAccessible(int perm) {
    return isReadable(perm) || isWriteable(perm);
  }

  /** A topic permission is a combination of READ, WRITE and INHERIT: 0..7. */
  public static boolean isValid(int perm) {
    return perm >= 0 && perm < PRIORITY;
  }

  /** Three letters as mqadmin prints them: {@code R}/{@code W}/{@code X} or {@code -}. */
  public static String toString(int perm) {
    return new String(
        new char[] {
          isReadable(perm) ? 'R' : '-', isWriteable(perm) ? 'W' : '-', isInherited(perm) ? 'X' : '-'
        });
  }
}
