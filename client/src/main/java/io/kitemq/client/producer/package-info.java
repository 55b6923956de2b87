/** Sending messages: {@link io.kitemq.client.producer.Producer} and its results and selectors. */
package io.kitemq.client.producer;
