/**
 * Broker registration, liveness and topic routes ({@link
 * io.kitemq.nameserver.route.RouteInfoManager}) and the topic catalog over the same tables.
 */
package io.kitemq.nameserver.route;
