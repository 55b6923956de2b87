package io.kitemq.tools.admin;

import io.kitemq.client.ClientException;
import io.kitemq.client.admin.AdminClient;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where a create/update goes: one broker ({@code -b}) or every master of a cluster ({@code -c}).
 */
final class Target {

  @Option(
      names = {"-b", "--brokerAddr"},
      required = true,
      description = "Broker address (host:port).")
  String brokerAddr;

  @Option(
      names = {"-c", "--clusterName"},
      required = true,
      description = "Every master of this cluster.")
  String cluster;

  /** The broker addresses this target names. */
  List<String> addresses(AdminClient admin) throws ClientException, InterruptedException {
    return brokerAddr != null ? List.of(brokerAddr) : admin.masterAddrs(cluster);
  }
}
