package io.kitemq.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;

/** Reads typed values out of a {@link Properties}, naming the key when a value does not parse. */
final class PropertyReader {

  private final Properties props;

  PropertyReader(Properties props) {
    this.props = props;
  }

  private String raw(String key) {
    String v = props.getProperty(key);
    return v == null ? null : v.trim();
  }

  void string(String key, Consumer<String> sink) {
    String v = raw(key);
    if (v != null) {
      sink.accept(v);
    }
  }

  void path(String key, Consumer<Path> sink) {
    String v = raw(key);
    if (v != null) {
      if (v.isEmpty()) {
        throw new StoreConfigException(key, "empty path");
      }
      sink.accept(Path.of(v));
    }
  }

  void integer(String key, IntConsumer sink) {
    String v = raw(key);
    if (v != null) {
      try {
        sink.accept(Integer.parseInt(v));
      } catch (NumberFormatException e) {
        throw new StoreConfigException(key, "not an int: " + v);
      }
    }
  }

  void longValue(String key, LongConsumer sink) {
    String v = raw(key);
    if (v != null) {
      try {
        sink.accept(Long.parseLong(v));
      } catch (NumberFormatException e) {
        throw new StoreConfigException(key, "not a long: " + v);
      }
    }
  }

  void decimal(String key, DoubleConsumer sink) {
    String v = raw(key);
    if (v != null) {
      try {
        sink.accept(Double.parseDouble(v));
      } catch (NumberFormatException e) {
        throw new StoreConfigException(key, "not a number: " + v);
      }
    }
  }

  void bool(String key, Consumer<Boolean> sink) {
    String v = raw(key);
    if (v != null) {
      String lower = v.toLowerCase(Locale.ROOT);
      if (!lower.equals("true") && !lower.equals("false")) {
        throw new StoreConfigException(key, "not true/false: " + v);
      }
      sink.accept(Boolean.parseBoolean(lower));
    }
  }
}
