package io.kitemq.remoting.netty.internal;

/**
 * A connection's frame decoder, asked by {@link CommandDispatcher} whether bytes of further
 * requests were already read behind the one being dispatched: a peer that pipelines requests.
 */
public interface BufferedInput {

  /** Whether read bytes are waiting behind the frame just decoded. I/O thread only. */
  boolean hasBufferedBytes();
}
