package io.kitemq.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The start path's parser of node command lines, held to picocli's reading of the same lines. */
@Timeout(30)
class NodeFlagsTest {

  private static final Set<String> STANDARD = Set.of("-h", "--help", "-V", "--version");

  @ParameterizedTest
  @ValueSource(strings = {"standalone", "nameserver", "broker"})
  void knowsEveryOptionPicocliKnowsAndNoOther(String name) {
    NodeCommand command = NodeCommand.create(name, Map.of());
    Set<String> picocli =
        new CommandLine(command)
            .getCommandSpec().options().stream()
                .flatMap(o -> Arrays.stream(o.names()))
                .filter(n -> !STANDARD.contains(n))
                .collect(Collectors.toSet());

    assertThat(command.flags().names()).containsExactlyInAnyOrderElementsOf(picocli);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "standalone",
        "standalone -store /tmp/s --nameserver-port 0 --broker-port 30911 --http-port -1",
        "standalone --store=/tmp/s --name b --cluster=c -c conf.yaml --log-level DEBUG",
        "standalone -name a -cluster b --exit-after-ready --config=x.yaml --http-port=0",
        "nameserver -port 9876 --http-port 5484 --log-level=WARN",
        "nameserver --port=0 --exit-after-ready -c=ns.conf",
        "broker -port 10911 -nameserver 127.0.0.1:9876;127.0.0.1:9877 -name broker-b -store s",
        "broker --port -1 --nameserver= --store= --http-port 65535",
      })
  void readsAPlainLineAsPicocliDoes(String line) {
    String[] args = line.split(" ");
    NodeCommand fast = NodeCommand.create(args[0], Map.of());
    assertThat(fast.flags().parse(args, 1)).as(line).isTrue();

    NodeCommand full = NodeCommand.create(args[0], Map.of());
    new CommandLine(full).parseArgs(Arrays.copyOfRange(args, 1, args.length));

    assertThat(values(fast)).as(line).isEqualTo(values(full)).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "standalone --help",
        "standalone -h",
        "nameserver --version",
        "nameserver -V",
        "nameserver --port",
        "nameserver --port abc",
        "nameserver --port 010",
        "nameserver --port +5",
        "nameserver --port 99999999999",
        "nameserver --port 2147483647",
        "nameserver --port 1 --port 2",
        "nameserver --port 1 --port=2",
        "nameserver --exit-after-ready --exit-after-ready",
        "nameserver --exit-after-ready=true",
        "nameserver --log-level info",
        "nameserver --prot 1",
        "nameserver -- -port",
        "nameserver extra",
        "broker --name --port",
        "broker --name -x",
        "broker -c",
        "broker -nameserver=-x",
      })
  void declinesWhatItDoesNotPlainlyUnderstand(String line) {
    String[] args = line.split(" ");
    assertThat(NodeCommand.create(args[0], Map.of()).flags().parse(args, 1)).as(line).isFalse();
  }

  @Test
  void aFailingStartIsReportedAsPicocliReportsIt() {
    String[] args = {"nameserver", "--port", "70000"};
    StringWriter fast = new StringWriter();
    int fastStatus = Main.execute(args, Map.of(), new PrintWriter(fast, true));

    StringWriter full = new StringWriter();
    CommandLine cl = Main.commandLine(Map.of(), "nameserver");
    cl.setErr(new PrintWriter(full, true));
    int fullStatus = cl.execute(args);

    assertThat(fastStatus).isEqualTo(fullStatus).isEqualTo(2);
    assertThat(fast.toString())
        .isEqualTo(full.toString())
        .startsWith(
            "kite nameserver: configuration error: bad value for listenPort (set by --port)");
  }

  @Test
  void aLineTheFastParserDeclinesStillRunsThroughPicocli() {
    StringWriter err = new StringWriter();
    int status =
        Main.execute(
            new String[] {"nameserver", "--prot", "1"}, Map.of(), new PrintWriter(err, true));

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("kite nameserver: Unknown options: '--prot'");
  }

  /** Every option's value, read through picocli's model of the command object. */
  private static Map<String, String> values(NodeCommand command) {
    Map<String, String> values = new TreeMap<>();
    for (OptionSpec option : new CommandLine(command).getCommandSpec().options()) {
      if (!STANDARD.contains(option.longestName())) {
        values.put(option.longestName(), String.valueOf(option.<Object>getValue()));
      }
    }
    return values;
  }
}
