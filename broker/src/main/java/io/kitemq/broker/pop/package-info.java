/**
 * The POP protocol: POP_MESSAGE (200050), ACK_MESSAGE (200051), BATCH_ACK_MESSAGE (200151) and
 * CHANGE_MESSAGE_INVISIBLETIME (200053), the broker side of the {@code SimpleConsumer}.
 *
 * <h2>State</h2>
 *
 * For each (group, topic, queue) that was popped, a {@link io.kitemq.broker.pop.QueueLeases} keeps
 * in memory:
 *
 * <pre>
 *   nextOffset                     first queue offset never handed out
 *   leases: offset -> (popTime, deadline, reconsumeTimes)
 *                                  messages handed out and not acked yet
 * </pre>
 *
 * A pop first takes the leases whose deadline has passed (a consumer took them and neither acked
 * them nor extended them in time): each one is delivered again with {@code reconsumeTimes + 1} (the
 * stored record is copied and that field patched) and a new deadline, or, once {@code
 * reconsumeTimes} would exceed the group's {@code retryMaxTimes}, written to {@code %DLQ%<group>}
 * and forgotten. Then it reads new messages from {@code nextOffset} with the request's tag filter
 * and leases each one. Messages the filter skips are simply passed.
 *
 * <p>The receipt handle ({@code POP_CK}, {@link io.kitemq.remoting.protocol.header.PopReceipt})
 * names the queue, the offset and the pop time. An ack or a change of invisible time is accepted
 * only when the lease of that offset still carries that pop time: a handle from an earlier delivery
 * of a message that was since given out again is refused with NO_MESSAGE, so two consumers never
 * own one message at the same time. An ack that arrives after the deadline but before anybody took
 * the message again still counts.
 *
 * <h2>Durability: at least once</h2>
 *
 * The group's committed consumer offset of the queue (the same table pull consumers use, persisted
 * with it) is moved to the lowest offset still leased, or to {@code nextOffset} when nothing is.
 * After a restart the leases are gone and popping resumes at the committed offset: every message
 * that was not acked is delivered again (with {@code reconsumeTimes} starting from 0 again), some
 * acked ones above the lowest unacked one too. A group without a committed offset starts at the
 * queue's min offset ({@code initMode} 0) or max offset (1).
 *
 * <h2>Bounds</h2>
 *
 * At most {@link io.kitemq.broker.pop.QueueLeases#MAX_LEASES} messages of one queue are leased at
 * once. A full queue hands out only its expired leases again and no new messages until acks make
 * room; a pop over all queues ({@code queueId} -1) moves on to the other queues. At most {@link
 * io.kitemq.broker.pop.PopMessageProcessor#MAX_PARKED} pops wait in long polling; more are answered
 * POLLING_FULL. Expired leases are acted on when somebody pops the queue (nobody to give them to
 * otherwise); a long-polling pop wakes at the earliest lease deadline of its queues.
 *
 * <h2>Differences from Apache RocketMQ's broker</h2>
 *
 * Apache keeps check points and acks in a revive topic and revives unacked messages into the
 * group's pop retry topic; here the leases live in memory and redeliveries come from the queue
 * itself (clients see the same fields). Apache's broker does not dead-letter popped messages (its
 * proxy does); this one does, past the group's {@code retryMaxTimes}. Apache answers SUCCESS to an
 * ack whose handle is outdated; this broker answers NO_MESSAGE and says why.
 *
 * <h2>Not supported</h2>
 *
 * Orderly pop ({@code order=true}) is refused with INVALID_PARAMETER. Only TAG expressions filter.
 * Popping from Apache's pop retry topics is not done: redeliveries come from the queue itself, so
 * every handle this broker makes has retry marker 0.
 */
package io.kitemq.broker.pop;
