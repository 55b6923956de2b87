package io.kitemq.console.web;

import io.kitemq.client.admin.AdminClient;
import io.kitemq.client.consumer.PullConsumer;
import io.kitemq.client.producer.Producer;
import java.util.function.Supplier;

/**
 * The client-library objects the console's API calls share, each made on first use against the
 * node's name servers: an {@link AdminClient}, a {@link Producer} for test and resent messages
 * (group {@value #PRODUCER_GROUP}) and a {@link PullConsumer} that reads pages of a queue without
 * ever committing an offset (group {@value #READER_GROUP}). Thread-safe (the clients are).
 */
final class ConsoleClients implements AutoCloseable {

  static final String PRODUCER_GROUP = "KITE_CONSOLE_PRODUCER";
  static final String READER_GROUP = "KITE_CONSOLE_READER";

  private final Supplier<String> namesrvAddr;
  private AdminClient admin;
  private Producer producer;
  private PullConsumer reader;

  ConsoleClients(Supplier<String> namesrvAddr) {
    this.namesrvAddr = namesrvAddr;
  }

  synchronized AdminClient admin() {
    if (admin == null) {
      admin = AdminClient.builder().namesrvAddr(namesrvAddr.get()).build();
    }
    return admin;
  }

  synchronized Producer producer() {
    if (producer == null) {
      producer = Producer.builder().namesrvAddr(namesrvAddr.get()).group(PRODUCER_GROUP).build();
    }
    return producer;
  }

  synchronized PullConsumer reader() {
    if (reader == null) {
      reader = PullConsumer.builder().namesrvAddr(namesrvAddr.get()).group(READER_GROUP).build();
    }
    return reader;
  }

  @Override
  public synchronized void close() {
    if (reader != null) {
      reader.close();
    }
    if (producer != null) {
      producer.close();
    }
    if (admin != null) {
      admin.close();
    }
  }
}
