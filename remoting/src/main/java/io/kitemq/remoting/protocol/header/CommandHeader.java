package io.kitemq.remoting.protocol.header;

import java.util.HashMap;
import java.util.Map;

/**
 * A typed custom header: a value object whose fields travel flattened in a command's extFields.
 *
 * <p>Implementations convert explicitly (no reflection): {@link #writeTo(Map)} puts every non-null
 * field as {@code name -> String.valueOf(value)}, and each class has a static {@code
 * fromExtFields(Map)} that reads it back and fails with a {@link
 * io.kitemq.remoting.protocol.RemotingCommandException} naming a missing or malformed required
 * field.
 */
public interface CommandHeader {

  /** Puts this header's non-null fields into {@code extFields}. */
  void writeTo(Map<String, String> extFields);

  /** This header as a new extFields map. */
  default HashMap<String, String> toExtFields() {
    HashMap<String, String> map = new HashMap<>();
    writeTo(map);
    return map;
  }
}
