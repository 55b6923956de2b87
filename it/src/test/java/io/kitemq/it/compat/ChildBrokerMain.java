package io.kitemq.it.compat;

import io.kitemq.broker.BrokerConfig;
import io.kitemq.broker.BrokerController;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * A broker in its own JVM for crash tests: every argument is a {@code key=value} broker.conf entry.
 * Prints {@value #READY} followed by the listening port once started, then runs until the process
 * is killed (a clean stop is not its job: the tests end it with SIGKILL).
 */
public final class ChildBrokerMain {

  static final String READY = "KITE-CHILD-BROKER-READY port=";

  private ChildBrokerMain() {}

  public static void main(String[] args) throws InterruptedException {
    Properties p = new Properties();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("expected key=value, got " + arg);
      }
      p.setProperty(arg.substring(0, eq), arg.substring(eq + 1));
    }
    BrokerController broker = new BrokerController(BrokerConfig.fromProperties(p));
    int port = broker.start();
    System.out.println(READY + port);
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
