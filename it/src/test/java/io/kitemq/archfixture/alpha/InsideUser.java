package io.kitemq.archfixture.alpha;

import io.kitemq.archfixture.alpha.internal.Hidden;

/** Fixture: module "alpha" using its own internals, which is allowed. */
public final class InsideUser {
  public static int use() {
    return Hidden.answer();
  }
}
