package io.kitemq.remoting.protocol.body;

/** The GET_BROKER_MEMBER_GROUP (901) answer: {@code {"brokerMemberGroup":{...}}}. Immutable. */
public record GetBrokerMemberGroupResponseBody(BrokerMemberGroup brokerMemberGroup) {}
