package io.kitemq.broker.filter.sql;

/**
 * A SQL92 filter expression that cannot be compiled: a lexical or grammar error, or an operand the
 * operator does not accept (such as {@code a > 'x'}). The message names the 1-based column.
 */
public final class SqlSyntaxException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int position;

  SqlSyntaxException(int position, String problem) {
    super("Invalid SQL92 expression at column " + (position + 1) + ": " + problem);
    this.position = position;
  }

  /** The 0-based character index in the expression where the problem was found. */
  public int position() {
    return position;
  }
}
