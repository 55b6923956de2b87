package io.kitemq.tools.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kitemq.client.ClientException;
import io.kitemq.client.ClientOptions;
import io.kitemq.client.admin.AdminClient;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The frame of every {@code kite admin} command: resolves the name server, opens an {@link
 * AdminClient}, runs {@link #run}, and turns a failure into one line on stderr and exit status 1.
 * Output goes to the command line's writers so callers can capture it. One instance per invocation;
 * not thread-safe.
 */
abstract class AdminSubcommand implements Callable<Integer> {

  static final String DEFAULT_NAMESRV = "127.0.0.1:9876";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Mixin CommonOptions common;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  @Spec CommandLine.Model.CommandSpec spec;

  @ParentCommand AdminCommand parent;

  /** Does the command's work with an open client. */
  abstract void run(AdminClient admin) throws AdminFailure, ClientException, InterruptedException;

  @Override
  public final Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try (AdminClient admin =
        AdminClient.builder()
            .clientOptions(ClientOptions.builder().namesrvAddr(namesrvAddr()).build())
            .build()) {
      run(admin);
      out().flush();
      return CommandLine.ExitCode.OK;
    } catch (AdminFailure | ClientException e) {
      err.println(name() + ": " + describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println(name() + ": interrupted");
    } catch (CommandLine.ParameterException e) {
      err.println(name() + ": " + e.getMessage() + " (see '" + name() + " --help')");
      err.flush();
      return CommandLine.ExitCode.USAGE;
    } catch (IllegalArgumentException e) {
      // Client option validation (a malformed name server address) names the bad value.
      err.println(name() + ": " + e.getMessage());
    }
    err.flush();
    return CommandLine.ExitCode.SOFTWARE;
  }

  /** The command as typed, e.g. {@code kite admin topicRoute}. */
  String name() {
    return qualified(spec);
  }

  static String qualified(CommandLine.Model.CommandSpec spec) {
    String name = spec.qualifiedName();
    return name.startsWith("kite ") ? name : "kite " + name;
  }

  /** The message with the causes that say why, e.g. "... did not answer: connection refused". */
  private static String describe(Exception e) {
    StringBuilder b = new StringBuilder(String.valueOf(e.getMessage()));
    Throwable cause = e.getCause();
    while (cause != null && b.length() < 300) {
      if (cause.getMessage() != null && !b.toString().contains(cause.getMessage())) {
        b.append(": ").append(cause.getMessage());
      }
      cause = cause.getCause();
    }
    return b.toString();
  }

  /** A usage error found after parsing (a value out of range): exit status 2. */
  CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  String namesrvAddr() {
    if (common.namesrvAddr != null && !common.namesrvAddr.isBlank()) {
      return common.namesrvAddr;
    }
    Map<String, String> env = parent == null ? Map.of() : parent.env();
    for (String key : new String[] {"NAMESRV_ADDR", "KITE_NAMESRV_ADDR"}) {
      String value = env.get(key);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return DEFAULT_NAMESRV;
  }

  boolean json() {
    return common.json;
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** Prints {@code value} as JSON (records, lists and maps of them). */
  void printJson(Object value) throws AdminFailure {
    try {
      out().println(JSON.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new AdminFailure("cannot write JSON output", e);
    }
  }

  /** Prints the table, or {@code jsonValue} as JSON with --json. */
  void print(Table table, Object jsonValue) throws AdminFailure {
    if (json()) {
      printJson(jsonValue);
    } else {
      table.print(out());
    }
  }
}
