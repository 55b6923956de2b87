package io.kitemq.server;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The start path's parser of a node command's flags ({@code kite standalone -store /data
 * --http-port 0}): the plain spellings only, {@code --name value}, {@code --name=value} and bare
 * switches, each at most once.
 *
 * <p>Why it exists: the full command line (picocli) loads and verifies some 170 classes compiled
 * for Java 5, which class-data sharing cannot archive, and builds its model by reflection: a fifth
 * of a node's start. A node's own command line is short and plain, so it is read here; whatever
 * this parser does not understand (help, version, an unknown or repeated option, a value that is
 * not plainly what the option takes) makes {@link #parse} answer false, and the caller hands the
 * whole line to picocli, which runs it or explains what is wrong. A test holds the two parsers to
 * the same option names and the same values.
 */
final class NodeFlags {

  /** What picocli reads as an {@code int} the same way whatever its radix rules. */
  private static final Pattern PLAIN_INT = Pattern.compile("-?(0|[1-9][0-9]{0,8})");

  private final Map<String, Predicate<String>> valued = new HashMap<>();
  private final Map<String, Runnable> switches = new HashMap<>();

  /**
   * An option that takes a value; {@code sink} stores it and answers false if the value is not
   * plainly one it takes.
   */
  NodeFlags value(Predicate<String> sink, String... names) {
    for (String name : names) {
      valued.put(name, sink);
    }
    return this;
  }

  /** A switch without a value. */
  NodeFlags flag(Runnable sink, String... names) {
    for (String name : names) {
      switches.put(name, sink);
    }
    return this;
  }

  /** Every option name registered, for the test that holds this parser to picocli's. */
  Set<String> names() {
    Set<String> all = new HashSet<>(valued.keySet());
    all.addAll(switches.keySet());
    return all;
  }

  /**
   * Reads {@code args} from index {@code from} into the sinks.
   *
   * @return true if every argument was understood; false leaves the sinks partly set, and the
   *     caller must read the line again with the full parser
   */
  boolean parse(String[] args, int from) {
    Set<Predicate<String>> seenValues = new HashSet<>();
    Set<Runnable> seenSwitches = new HashSet<>();
    for (int i = from; i < args.length; i++) {
      String arg = args[i];
      Runnable sw = switches.get(arg);
      if (sw != null) {
        if (!seenSwitches.add(sw)) {
          return false;
        }
        sw.run();
        continue;
      }
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      Predicate<String> sink = valued.get(name);
      if (sink == null || !seenValues.add(sink)) {
        return false;
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          return false;
        }
        value = args[++i];
      }
      // A value that looks like an option is left to picocli's rules for telling them apart.
      if (value.startsWith("-") && !PLAIN_INT.matcher(value).matches() || !sink.test(value)) {
        return false;
      }
    }
    return true;
  }

  /** The value as an int if it is written plainly in decimal, else null. */
  static Integer plainInt(String value) {
    return PLAIN_INT.matcher(value).matches() ? Integer.valueOf(value) : null;
  }
}
