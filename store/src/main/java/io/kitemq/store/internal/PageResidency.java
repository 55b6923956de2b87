package io.kitemq.store.internal;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes ranges of a mapped file out of this process's resident set with {@code madvise(...,
 * MADV_DONTNEED)}, called through JNA.
 *
 * <p>On a shared file mapping this only removes the page-table entries: the pages stay in the
 * kernel's page cache (dirty ones stay dirty and are written back as usual), and the next access
 * maps them again with a minor fault, without disk I/O while the kernel keeps them. What changes is
 * that a cold commit-log page is then ordinary page cache, reclaimed first under memory pressure,
 * instead of a page mapped by the broker that counts in its RSS.
 *
 * <p>Linux only. Elsewhere, or where the C library cannot be loaded, {@link #available()} is false
 * and {@link #release} does nothing.
 */
final class PageResidency {

  private static final Logger LOG = LoggerFactory.getLogger(PageResidency.class);
  private static final int MADV_DONTNEED = 4;
  static final int PAGE_SIZE = MappedFile.OS_PAGE_SIZE;

  /** The one C call used. */
  private interface CLibrary extends Library {
    int madvise(Pointer address, NativeLong length, int advice);
  }

  private static final CLibrary LIBC = load();

  private PageResidency() {}

  private static CLibrary load() {
    if (!Platform.isLinux()) {
      LOG.info("Mapped pages stay resident: madvise is used on Linux only");
      return null;
    }
    try {
      return Native.load("c", CLibrary.class);
    } catch (LinkageError | RuntimeException e) {
      LOG.warn("Mapped pages stay resident: the C library cannot be loaded ({})", e.toString());
      return null;
    }
  }

  static boolean available() {
    return LIBC != null;
  }

  /**
   * Drops the pages of {@code [from, to)} of {@code mapped} from the resident set; the range is
   * narrowed to whole pages. The caller holds the mapping (it must not be unmapped meanwhile).
   *
   * @return false when the call failed or is unavailable
   */
  static boolean release(ByteBuffer mapped, long from, long to) {
    long start = (from + PAGE_SIZE - 1) / PAGE_SIZE * PAGE_SIZE;
    long end = to / PAGE_SIZE * PAGE_SIZE;
    if (LIBC == null || end <= start) {
      return LIBC != null;
    }
    Pointer base = Native.getDirectBufferPointer(mapped);
    int rc = LIBC.madvise(base.share(start), new NativeLong(end - start), MADV_DONTNEED);
    return rc == 0;
  }
}
