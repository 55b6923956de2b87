package io.kitemq.tools.bench;

import java.util.ServiceLoader;

/** Finds the {@link BenchClient.Factory} named by {@code --client} on the class path. */
final class ClientFactories {

  private ClientFactories() {}

  /**
   * @throws BenchException naming how to get the official client when {@code apache} is missing
   */
  static BenchClient.Factory find(String name) {
    for (BenchClient.Factory f : ServiceLoader.load(BenchClient.Factory.class)) {
      if (f.name().equals(name)) {
        return f;
      }
    }
    if (name.equals("apache")) {
      throw new BenchException(
          "the official Apache RocketMQ client is not on the class path: run the bench from"
              + " benchmarks/compare/compare.sh (it builds tools' test class path with"
              + " rocketmq-client 5.5.0), or add the output of 'mvn -pl tools -am test-compile"
              + " dependency:build-classpath -Dmdep.includeScope=test' and tools/target/test-classes");
    }
    throw new BenchException("unknown --client '" + name + "': kite or apache");
  }
}
