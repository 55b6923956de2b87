package io.kitemq.client.internal;

import io.kitemq.common.message.MessageExt;
import io.kitemq.remoting.protocol.header.CheckTransactionStateRequestHeader;

/** Answers the broker's CHECK_TRANSACTION_STATE for one producer group; must not block. */
interface TransactionChecker {

  /**
   * @param brokerAddr host:port of the asking broker (where the answer goes)
   * @param message the half message as the broker sent it (real topic and queue)
   */
  void check(String brokerAddr, CheckTransactionStateRequestHeader header, MessageExt message);
}
