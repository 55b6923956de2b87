package io.kitemq.remoting.protocol.body;

/**
 * The CHECK_CLIENT_CONFIG (46) request body, sent by a consumer before it uses a non-TAG
 * subscription: {@code {"clientId":"...","group":"...","subscriptionData":{...}}}. Immutable.
 *
 * @param clientId the consumer's client id
 * @param group its consumer group
 * @param subscriptionData the subscription the broker should check
 */
public record CheckClientRequestBody(
    String clientId, String group, SubscriptionData subscriptionData) {}
