package io.kitemq.tools.bench;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kite bench <mode>}: drives load at a name server's brokers and reports throughput and
 * latency percentiles, a line per second and a summary at the end (or JSON with {@code --json}).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Load generator: sends or consumes messages and reports msg/s, MB/s and latency percentiles.",
      "Modes: sync, async (bounded in-flight), oneway, batch, drain (consume what the topic holds),"
          + " e2e (send at --rate, measure send-to-receive), ready (retry one send until it"
          + " succeeds: how long a starting node takes to serve)."
    })
public final class BenchCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      defaultValue = "sync",
      description = "sync, async, oneway, batch, drain, e2e or ready (default ${DEFAULT-VALUE})")
  String mode;

  @Option(
      names = "--namesrv",
      defaultValue = "127.0.0.1:9876",
      description = "name server address(es), ';'-separated (default ${DEFAULT-VALUE})")
  String namesrv;

  @Option(names = "--topic", defaultValue = "BenchTopic", description = "default ${DEFAULT-VALUE}")
  String topic;

  @Option(
      names = "--queues",
      defaultValue = "8",
      description = "queues of the topic when it has to be created (default ${DEFAULT-VALUE})")
  int queues;

  @Option(
      names = "--size",
      defaultValue = "128",
      description = "body bytes (default ${DEFAULT-VALUE})")
  int size;

  @Option(
      names = "--threads",
      defaultValue = "1",
      description = "sending threads; consumer threads in drain and e2e (default ${DEFAULT-VALUE})")
  int threads;

  @Option(
      names = "--duration",
      defaultValue = "10",
      description = "seconds to run when no --count is given (default ${DEFAULT-VALUE})")
  int durationSeconds;

  @Option(
      names = "--count",
      description = "messages to send (or receive, drain) instead of a duration")
  Long count;

  @Option(
      names = "--rate",
      defaultValue = "0",
      description = "messages per second over all threads, 0 unlimited (e2e: 1000 when 0)")
  int rate;

  @Option(
      names = "--batch",
      defaultValue = "64",
      description = "messages per batch (default ${DEFAULT-VALUE})")
  int batch;

  @Option(
      names = "--in-flight",
      defaultValue = "1024",
      description = "async: most sends awaiting their answer (default ${DEFAULT-VALUE})")
  int inFlight;

  @Option(
      names = "--warmup",
      description =
          "seconds of load before anything is measured; in drain, seconds after the first message"
              + " received (default: 1 in e2e, 0 otherwise; not counted in --count)")
  Integer warmupSeconds;

  @Option(
      names = "--client",
      defaultValue = "kite",
      description = "kite, or apache (the official client, from the comparison's class path)")
  String client;

  @Option(
      names = "--broker-pid",
      paramLabel = "<pid>",
      description =
          "process id of the broker, on this machine: the summary then gives its CPU time during"
              + " the measurement next to the client's")
  Long brokerPid;

  @Option(
      names = "--json",
      description = "print the summary as one JSON object on stdout (live lines go to stderr)")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs {@code kite bench} outside the launcher, e.g. on the comparison's class path. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchCommand()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    BenchSettings settings = settings();
    try {
      return run(settings);
    } catch (BenchException e) {
      spec.commandLine().getErr().println("kite bench: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return CommandLine.ExitCode.SOFTWARE;
    }
  }

  private int run(BenchSettings settings) throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter live = json ? spec.commandLine().getErr() : out;
    if (settings.brokerPid() != null && CpuWatch.cpuNanos(settings.brokerPid()) < 0) {
      throw new BenchException(
          "--broker-pid "
              + settings.brokerPid()
              + ": no such process, or its CPU time is not readable here");
    }
    BenchClient.Factory factory = ClientFactories.find(settings.client());
    if (settings.mode() != BenchMode.READY) {
      TopicSetup.ensure(settings.namesrv(), settings.topic(), settings.queues());
    }
    Summary summary;
    try (BenchClient bench = factory.create(settings.namesrv(), settings.topic())) {
      summary = new BenchRun(settings, bench, live).run();
    }
    out.println(json ? Json.write(summary) : summary.describe());
    out.flush();
    return summary.errors() == 0 ? 0 : 1;
  }

  private BenchSettings settings() {
    BenchMode m;
    try {
      m = BenchMode.valueOf(mode.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "unknown mode '" + mode + "': sync, async, oneway, batch, drain, e2e, ready");
    }
    try {
      return new BenchSettings(
          m,
          namesrv,
          topic,
          queues,
          size,
          threads,
          durationSeconds,
          count,
          rate,
          batch,
          inFlight,
          warmupSeconds != null ? warmupSeconds : m == BenchMode.E2E ? 1 : 0,
          client,
          brokerPid);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
