package io.kitemq.store.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.MappedByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Releases a mapping at once instead of waiting for the garbage collector, through {@code
 * sun.misc.Unsafe#invokeCleaner} (module jdk.unsupported, looked up reflectively so that nothing
 * internal is named at compile time). When unavailable, mappings are left to the collector.
 *
 * <p>Callers must guarantee that no thread touches the buffer (or any slice of it) afterwards:
 * touching an unmapped buffer crashes the JVM. {@link MappedFile} ensures this by reference
 * counting.
 */
final class Unmapper {

  private static final Logger LOG = LoggerFactory.getLogger(Unmapper.class);
  private static final Object UNSAFE;
  private static final Method INVOKE_CLEANER;

  static {
    Object unsafe = null;
    Method cleaner = null;
    try {
      Class<?> cls = Class.forName("sun.misc.Unsafe");
      Field f = cls.getDeclaredField("theUnsafe");
      f.setAccessible(true);
      unsafe = f.get(null);
      cleaner = cls.getMethod("invokeCleaner", java.nio.ByteBuffer.class);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warn("Mapped files will be unmapped by the garbage collector only: {}", e.toString());
    }
    UNSAFE = unsafe;
    INVOKE_CLEANER = cleaner;
  }

  private Unmapper() {}

  static void unmap(MappedByteBuffer buffer) {
    if (INVOKE_CLEANER == null) {
      return;
    }
    try {
      INVOKE_CLEANER.invoke(UNSAFE, buffer);
    } catch (ReflectiveOperationException e) {
      LOG.warn("Could not unmap a buffer, leaving it to the collector: {}", e.toString());
    }
  }
}
