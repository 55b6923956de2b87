package io.kitemq.server.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which keys each {@link Section} knows: those KiteMQ implements, and those Apache RocketMQ 5.5.0
 * reads from its {@code broker.conf} / {@code namesrv.conf} (the setters of its BrokerConfig,
 * MessageStoreConfig, NettyServerConfig, NettyClientConfig and AuthConfig, resp. NamesrvConfig and
 * the two Netty configs). An Apache key KiteMQ does not implement is accepted with a warning, so an
 * existing RocketMQ file works unchanged; a key neither knows is an error.
 *
 * <p>Immutable, thread-safe.
 */
public final class KeyCatalog {

  /** How a key relates to a section. */
  public enum Kind {
    /** KiteMQ reads it in this section. */
    IMPLEMENTED,
    /** KiteMQ reads it, but in another section. */
    OTHER_SECTION,
    /** Apache RocketMQ knows it; KiteMQ does not implement it yet. */
    APACHE_ONLY,
    /** Nobody knows it: a typo or a key of another product. */
    UNKNOWN
  }

  private static final Set<String> APACHE_NAMESRV = resource("apache-namesrv-keys.txt");
  private static final Set<String> APACHE_BROKER = resource("apache-broker-keys.txt");

  private final Map<Section, Set<String>> implemented;

  /**
   * @param implemented the keys KiteMQ reads, per section (sections not given have none)
   */
  public KeyCatalog(Map<Section, Set<String>> implemented) {
    Map<Section, Set<String>> copy = new EnumMap<>(Section.class);
    for (Section s : Section.values()) {
      copy.put(
          s, Collections.unmodifiableSet(new TreeSet<>(implemented.getOrDefault(s, Set.of()))));
    }
    this.implemented = Collections.unmodifiableMap(copy);
  }

  /** The keys KiteMQ reads in {@code section}, sorted. */
  public Set<String> implemented(Section section) {
    return implemented.get(section);
  }

  /** The keys Apache RocketMQ 5.5.0 reads in the file that {@code section} belongs to. */
  public static Set<String> apacheKeys(Section section) {
    return section == Section.NAMESRV ? APACHE_NAMESRV : APACHE_BROKER;
  }

  /** What {@code key} is when found in {@code section}. */
  public Kind classify(Section section, String key) {
    if (implemented.get(section).contains(key)) {
      return Kind.IMPLEMENTED;
    }
    if (sectionOf(key, section) != null) {
      return Kind.OTHER_SECTION;
    }
    return apacheKeys(section).contains(key) ? Kind.APACHE_ONLY : Kind.UNKNOWN;
  }

  /**
   * The section other than {@code not} that implements {@code key} and shares its file (broker and
   * store keys live in one broker.conf; the name server's in namesrv.conf), or null.
   */
  public Section sectionOf(String key, Section not) {
    for (Section s : Section.values()) {
      if (s != not && sameFile(s, not) && implemented.get(s).contains(key)) {
        return s;
      }
    }
    return null;
  }

  private static boolean sameFile(Section a, Section b) {
    return (a == Section.NAMESRV) == (b == Section.NAMESRV);
  }

  /** The known key closest to {@code key} by edit distance (at most 3 edits), or null. */
  public String closest(Section section, String key) {
    String best = null;
    int bestDistance = 4;
    Set<String> candidates = new TreeSet<>(implemented.get(section));
    candidates.addAll(apacheKeys(section));
    for (String candidate : candidates) {
      int d = distance(key.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    return best;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static Set<String> resource(String name) {
    try (InputStream in = KeyCatalog.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      Set<String> keys = new TreeSet<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String key = line.trim();
        if (!key.isEmpty() && !key.startsWith("#")) {
          keys.add(key);
        }
      }
      return Collections.unmodifiableSet(keys);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + name, e);
    }
  }
}
