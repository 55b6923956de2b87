package io.kitemq.remoting.protocol;

/**
 * Values of the {@code version} header field: ordinals of RocketMQ's {@code MQVersion.Version}.
 *
 * <p>Commands created here carry {@link #CURRENT}, the version the 5.3.3 Java client, broker and
 * name server report, so peers apply their newest behaviour (e.g. GO_AWAY handling).
 */
public final class RemotingVersion {

  public static final int V3_0_0_SNAPSHOT = 0;
  public static final int V4_0_0 = 213;
  public static final int V4_9_4 = 401;
  public static final int V4_9_7 = 407;
  public static final int V5_0_0 = 413;
  public static final int V5_1_0 = 433;
  public static final int V5_2_0 = 453;
  public static final int V5_3_0 = 473;
  public static final int V5_3_1 = 475;
  public static final int V5_3_2 = 477;
  public static final int V5_3_3 = 479;

  /** The version written into every command this process creates. */
  public static final int CURRENT = V5_3_3;

  private RemotingVersion() {}
}
