package io.kitemq.archfixture.beta;

import io.kitemq.archfixture.alpha.internal.Hidden;

/** Fixture: module "beta" reaching into alpha's internals, which the rule must report. */
public final class OutsideUser {
  public static int use() {
    return Hidden.answer();
  }
}
