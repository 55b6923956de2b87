package io.kitemq.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class IndexServiceTest {

  @TempDir Path dir;

  @Test
  void findsEveryKeyWordAndTheUniqueIdAcrossManyTinyFiles() {
    IndexService idx = new IndexService(dir, 7, 10, Clock.systemUTC());
    long t0 = 1_700_000_000_000L;
    for (int i = 0; i < 100; i++) {
      idx.index("T", "k" + i + " common", "U" + i, 1000L * i, t0 + i * 10L);
    }
    assertThat(idx.fileCount()).isGreaterThan(20);
    assertThat(idx.query("T", "k42", 10, 0, Long.MAX_VALUE)).containsExactly(42_000L);
    assertThat(idx.query("T", "U77", 10, 0, Long.MAX_VALUE)).containsExactly(77_000L);
    assertThat(idx.query("T", "common", 5, 0, Long.MAX_VALUE))
        .containsExactly(99_000L, 98_000L, 97_000L, 96_000L, 95_000L);
    assertThat(idx.query("Other", "k42", 10, 0, Long.MAX_VALUE)).isEmpty();
    assertThat(idx.query("T", "k42", 10, 0, t0 - 1)).isEmpty();
    idx.close();
  }

  @Test
  void survivesReloadAndDropsFilesBelowTheCommitLogMinimum() {
    IndexService idx = new IndexService(dir, 11, 20, Clock.systemUTC());
    for (int i = 0; i < 60; i++) {
      idx.index("T", "k" + i, null, 100L * i, 1_700_000_000_000L);
    }
    idx.close();
    IndexService again = new IndexService(dir, 11, 20, Clock.systemUTC());
    again.load();
    assertThat(again.lastIndexedOffset()).isEqualTo(5900);
    assertThat(again.query("T", "k3", 10, 0, Long.MAX_VALUE)).containsExactly(300L);
    int before = again.fileCount();
    assertThat(again.deleteExpired(4000)).isPositive();
    assertThat(again.fileCount()).isLessThan(before);
    assertThat(again.query("T", "k3", 10, 0, Long.MAX_VALUE)).isEmpty();
    assertThat(again.query("T", "k59", 10, 0, Long.MAX_VALUE)).containsExactly(5900L);
    again.close();
  }

  @Test
  void keyHashEqualsTheHashOfTheConcatenatedKey() {
    java.util.Random rnd = new java.util.Random(1);
    for (int i = 0; i < 10_000; i++) {
      String topic = randomString(rnd);
      String key = randomString(rnd);
      String padded = "x " + key + " y";
      assertThat(IndexService.keyHash(topic.hashCode(), padded, 2, 2 + key.length()))
          .isEqualTo((topic + "#" + key).hashCode());
      // A whole string, and keys longer than the table of powers of 31.
      String whole = i % 10 == 0 ? key.repeat(1 + rnd.nextInt(8)) : key;
      assertThat(IndexService.keyHash(topic.hashCode(), whole, 0, whole.length()))
          .isEqualTo((topic + "#" + whole).hashCode());
    }
  }

  private static String randomString(java.util.Random rnd) {
    char[] c = new char[rnd.nextInt(60)];
    for (int i = 0; i < c.length; i++) {
      c[i] = (char) (rnd.nextBoolean() ? 'a' + rnd.nextInt(26) : rnd.nextInt(0x3000));
    }
    return new String(c);
  }

  @Test
  void hashOfMinValueMapsToSlotZero() {
    assertThat(IndexFile.keyHash("polygenelubricants")).isZero();
    assertThat("polygenelubricants".hashCode()).isEqualTo(Integer.MIN_VALUE);
  }
}
