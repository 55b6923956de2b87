package io.kitemq.remoting.protocol;

/**
 * A command that cannot be decoded or a custom header that is incomplete or malformed.
 *
 * <p>{@link #field()} names the offending header field when there is one, so that a server can
 * answer {@code SYSTEM_ERROR} with a precise remark.
 */
public class RemotingCommandException extends Exception {

  private final String field;

  public RemotingCommandException(String message) {
    this(message, null, null);
  }

  public RemotingCommandException(String message, Throwable cause) {
    this(message, null, cause);
  }

  public RemotingCommandException(String message, String field, Throwable cause) {
    super(message, cause);
    this.field = field;
  }

  /** A required header field that is absent: {@code the custom field <name> is null}. */
  public static RemotingCommandException missingField(String field) {
    return new RemotingCommandException("the custom field <" + field + "> is null", field, null);
  }

  /** A header field whose value does not parse as its type. */
  public static RemotingCommandException invalidField(String field, String value, Throwable cause) {
    return new RemotingCommandException(
        "the custom field <" + field + "> has an invalid value: " + value, field, cause);
  }

  /** The header field at fault, or null when the problem is not a single field. */
  public String field() {
    return field;
  }
}
