package io.kitemq.it.client;

/** A name server plus one broker the client suite runs against; shared by all tests. */
public interface TestCluster {

  /** Short name shown in test reports. */
  String name();

  String namesrvAddr();

  /** Whether this is our own broker (false: the official Apache RocketMQ one). */
  boolean isKite();

  /** Stops the cluster (not AutoCloseable: parameterised tests would close it after each use). */
  void stop();
}
