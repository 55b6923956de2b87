package io.kitemq.broker.processor;

import io.kitemq.store.MessageSlice;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.List;

/**
 * A response body made of store slices without copying: one component per record, each wrapping the
 * mapped segment's bytes. The store references are given back when Netty releases the buffer (after
 * the bytes are written, or when the write fails), by {@code releaser}. Owned like any ByteBuf
 * body: the command that carries it hands it to the transport.
 */
final class StoreSlicesByteBuf extends CompositeByteBuf {

  private final Runnable releaser;

  StoreSlicesByteBuf(List<MessageSlice> slices, Runnable releaser) {
    super(UnpooledByteBufAllocator.DEFAULT, true, Math.max(2, slices.size()));
    this.releaser = releaser;
    for (MessageSlice s : slices) {
      addComponent(true, Unpooled.wrappedBuffer(s.buffer().duplicate()));
    }
  }

  @Override
  protected void deallocate() {
    try {
      super.deallocate();
    } finally {
      releaser.run();
    }
  }
}
