/** Consuming messages: push consumers, listeners and queue allocation strategies. */
package io.kitemq.client.consumer;
