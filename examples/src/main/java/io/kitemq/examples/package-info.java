/**
 * Runnable examples of the KiteMQ client library; each main class takes the name server address as
 * its first argument (default {@code 127.0.0.1:9876}).
 */
package io.kitemq.examples;
