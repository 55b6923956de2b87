/**
 * Typed custom headers of the commands KiteMQ serves, each converting explicitly (no reflection) to
 * and from a command's extFields map with RocketMQ's key names and value formats.
 */
package io.kitemq.remoting.protocol.header;
