/**
 * Netty transport for the remoting protocol: {@link io.kitemq.remoting.netty.RemotingServer},
 * {@link io.kitemq.remoting.netty.RemotingClient}, their configs, the frame codec handlers and the
 * typed call failures. Implementation details are in {@code .internal}.
 *
 * <p>Body ownership: a command written to either endpoint hands its ByteBuf body (if any) to the
 * transport, which releases it after the write or on failure; inbound commands carry byte[] bodies
 * and need no release.
 */
package io.kitemq.remoting.netty;
