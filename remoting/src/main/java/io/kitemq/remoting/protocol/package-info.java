/**
 * The RocketMQ remoting protocol without transport: {@link
 * io.kitemq.remoting.protocol.RemotingCommand}, request and response codes, the two header
 * serializations ({@link io.kitemq.remoting.protocol.JsonHeaderCodec}, {@link
 * io.kitemq.remoting.protocol.RocketMqHeaderCodec}) and the frame layout ({@link
 * io.kitemq.remoting.protocol.CommandCodec}). Typed custom headers live in {@code .header}.
 */
package io.kitemq.remoting.protocol;
