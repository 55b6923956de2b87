package io.kitemq.tools.bench;

/** A bench run that cannot start or finish: the message says why and what would fix it. */
public final class BenchException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  BenchException(String message) {
    super(message);
  }

  BenchException(String message, Throwable cause) {
    super(message, cause);
  }
}
