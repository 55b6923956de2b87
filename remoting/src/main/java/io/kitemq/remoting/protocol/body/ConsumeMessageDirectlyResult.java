package io.kitemq.remoting.protocol.body;

/**
 * The CONSUME_MESSAGE_DIRECTLY (309) response body: how the consumer's listener handled the message
 * the broker handed it. Immutable.
 *
 * @param order whether the consumer is orderly
 * @param autoCommit always true (the official field)
 * @param consumeResult {@code CR_SUCCESS}, {@code CR_LATER}, {@code CR_ROLLBACK}, {@code
 *     CR_COMMIT}, {@code CR_THROW_EXCEPTION} or {@code CR_RETURN_NULL}
 * @param remark a description of a failure, or null
 * @param spentTimeMills time the listener took (the official spelling)
 */
public record ConsumeMessageDirectlyResult(
    boolean order, boolean autoCommit, String consumeResult, String remark, long spentTimeMills) {}
