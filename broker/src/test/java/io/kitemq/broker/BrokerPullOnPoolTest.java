package io.kitemq.broker;

import java.util.Properties;

/** The pull tests again with pulls handed to the pull pool instead of run on the I/O thread. */
class BrokerPullOnPoolTest extends BrokerPullTest {

  @Override
  void configure(Properties p) {
    p.setProperty("pullOnIoThread", "false");
  }
}
