package io.kitemq.it.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Usage and connection failures of {@code kite admin}, which need no cluster. */
@Timeout(60)
class AdminCommandLineTest {

  /** A port nobody listens on: bound, then released. */
  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void helpListsEveryCommand() {
    Admin.Run r = Admin.raw(Map.of(), "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains(
            "clusterList",
            "topicList",
            "topicRoute",
            "topicStatus",
            "updateTopic",
            "deleteTopic",
            "updateSubGroup",
            "consumerProgress",
            "consumerConnection",
            "queryMsgById",
            "queryMsgByKey",
            "sendMessage",
            "consumeMessage",
            "brokerStatus",
            "monitor");
    Admin.Run sub = Admin.raw(Map.of(), "updateTopic", "--help");
    assertThat(sub.exit()).isZero();
    assertThat(sub.out())
        .contains("-r, --readQueueNums")
        .contains("--json")
        .contains("-n, --namesrvAddr");
  }

  @Test
  void badOptionsAreUsageErrorsWithStatusTwo() {
    Admin.Run unknown = Admin.raw(Map.of(), "topicRoute", "-t", "T", "--bogus");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err().strip())
        .isEqualTo(
            "kite admin topicRoute: Unknown option: '--bogus' (see 'kite admin topicRoute --help')");
    Admin.Run missing = Admin.raw(Map.of(), "topicRoute");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("Missing required option: '--topic=<topic>'");
    Admin.Run noTarget = Admin.raw(Map.of(), "updateTopic", "-t", "T");
    assertThat(noTarget.exit()).isEqualTo(2);
    assertThat(noTarget.err())
        .contains("Missing required argument")
        .contains("-b=<brokerAddr> | -c=<cluster>");
    Admin.Run badPerm =
        Admin.raw(Map.of(), "updateTopic", "-t", "T", "-b", "127.0.0.1:1", "-p", "7");
    assertThat(badPerm.exit()).isEqualTo(2);
    assertThat(badPerm.err()).contains("perm must be 2, 4 or 6, got 7");
    Admin.Run noCommand = Admin.raw(Map.of());
    assertThat(noCommand.exit()).isEqualTo(2);
    assertThat(Admin.raw(Map.of(), "noSuchCommand").exit()).isEqualTo(2);
  }

  @Test
  void monitorRefusesBadOptionsAndAnUnreachableNameServer() throws IOException {
    Admin.Run json = Admin.raw(Map.of(), "monitor", "--json");
    assertThat(json.exit()).isEqualTo(2);
    assertThat(json.err().strip())
        .isEqualTo("kite admin monitor: --json needs --once (see 'kite admin monitor --help')");
    Admin.Run interval = Admin.raw(Map.of(), "monitor", "--once", "--interval", "0");
    assertThat(interval.exit()).isEqualTo(2);
    assertThat(interval.err()).contains("--interval must be above 0");
    Admin.Run top = Admin.raw(Map.of(), "monitor", "--once", "--top", "0");
    assertThat(top.exit()).isEqualTo(2);
    assertThat(top.err()).contains("--top must be between 1 and 10000, was 0");
    String addr = "127.0.0.1:" + freePort();
    Admin.Run down = Admin.raw(Map.of(), "monitor", "--once", "-n", addr, "--interval", "0.1");
    assertThat(down.exit()).isEqualTo(1);
    assertThat(down.err().lines()).hasSize(1);
    assertThat(down.err()).startsWith("kite admin monitor: ").contains(addr);
    assertThat(down.out()).isEmpty();
  }

  @Test
  void unreachableNameServerFailsWithStatusOneNamingIt() throws IOException {
    String addr = "127.0.0.1:" + freePort();
    Admin.Run r = Admin.raw(Map.of(), "clusterList", "-n", addr);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("kite admin clusterList: ").contains(addr);
    assertThat(r.out()).isEmpty();
  }

  @Test
  void nameServerComesFromTheEnvironmentWhenNotGiven() throws IOException {
    String addr = "127.0.0.1:" + freePort();
    Admin.Run viaEnv = Admin.raw(Map.of("NAMESRV_ADDR", addr), "topicList");
    assertThat(viaEnv.exit()).isEqualTo(1);
    assertThat(viaEnv.err()).contains(addr);
    Admin.Run viaKiteEnv = Admin.raw(Map.of("KITE_NAMESRV_ADDR", addr), "topicList");
    assertThat(viaKiteEnv.err()).contains(addr);
  }
}
