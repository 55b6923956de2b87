/** Implementation of the client: shared instance, routes, sending, pulling, rebalancing. */
package io.kitemq.client.internal;
