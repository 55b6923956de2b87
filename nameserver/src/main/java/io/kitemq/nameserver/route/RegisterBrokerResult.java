package io.kitemq.nameserver.route;

/**
 * What a registration answers: for a slave, the master's HA address and address (both null for a
 * master or while no live master is registered). Immutable.
 */
public record RegisterBrokerResult(String haServerAddr, String masterAddr) {

  /** The answer without master information. */
  public static final RegisterBrokerResult NO_MASTER = new RegisterBrokerResult(null, null);
}
