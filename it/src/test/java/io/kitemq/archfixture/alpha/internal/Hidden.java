package io.kitemq.archfixture.alpha.internal;

/** Fixture: an implementation class that only module "alpha" may use. */
public final class Hidden {
  public static int answer() {
    return 42;
  }
}
