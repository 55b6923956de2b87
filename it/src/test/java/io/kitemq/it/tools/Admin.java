package io.kitemq.it.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kitemq.tools.admin.AdminCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Runs {@code kite admin} commands through the picocli entry point, capturing both streams. */
final class Admin {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a run printed and returned. */
  record Run(int exit, String out, String err) {

    JsonNode json() {
      try {
        return JSON.readTree(out);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + out, e);
      }
    }

    @Override
    public String toString() {
      return "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
  }

  private Admin() {}

  /** Runs {@code command -n namesrv args...}. */
  static Run run(String namesrv, String command, String... args) {
    List<String> all = new ArrayList<>();
    all.add(command);
    all.add("-n");
    all.add(namesrv);
    all.addAll(List.of(args));
    return raw(Map.of(), all.toArray(String[]::new));
  }

  /** Runs exactly {@code args} with {@code env} as the environment. */
  static Run raw(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = AdminCommand.commandLine(env);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }
}
