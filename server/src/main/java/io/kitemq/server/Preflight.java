package io.kitemq.server;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Checks and explanations for the two things that most often stop a node: a port already taken and
 * a directory that cannot be written. Stateless.
 */
final class Preflight {

  private Preflight() {}

  /**
   * Makes sure {@code dir} exists and is writable.
   *
   * @param key the configuration key that named the directory
   * @param hint how to choose another one, e.g. {@code "-store or KITE_STORE_STORE_PATH_ROOT_DIR"}
   * @throws LaunchException naming the path otherwise
   */
  static void requireWritableDirectory(Path dir, String key, String hint) {
    Path abs = dir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(abs);
    } catch (IOException e) {
      throw new LaunchException(
          "cannot create directory "
              + abs
              + " ("
              + key
              + "): "
              + reason(e)
              + "; choose a writable path with "
              + hint,
          e);
    }
    Path probe = abs.resolve(".kite-write-check");
    try {
      Files.deleteIfExists(probe);
      Files.createFile(probe);
      Files.delete(probe);
    } catch (IOException e) {
      throw new LaunchException(
          "directory "
              + abs
              + " ("
              + key
              + ") is not writable: "
              + reason(e)
              + "; fix its permissions or choose another path with "
              + hint,
          e);
    }
  }

  /**
   * Explains a failed bind: a {@link LaunchException} saying whether the port is taken.
   *
   * @param hint how to choose another port, e.g. {@code "-port or KITE_NAMESRV_LISTEN_PORT"}
   */
  static LaunchException bindFailure(
      String host, int port, String key, String hint, Exception failure) {
    String why;
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(host, port));
      why = oneLine(failure.getMessage());
    } catch (BindException e) {
      why = oneLine(e.getMessage());
    } catch (IOException e) {
      why = oneLine(failure.getMessage()) + " (" + reason(e) + ")";
    }
    boolean inUse = why.toLowerCase(Locale.ROOT).contains("in use");
    String what = inUse ? "port " + port + " is already in use" : "cannot listen on port " + port;
    String fix =
        inUse
            ? "stop the process using it or choose another port with " + hint
            : "check the address and the port (" + hint + ")";
    return new LaunchException(
        what + " (" + key + " on " + host + "): " + why + "; " + fix, failure);
  }

  /** Whether {@code e} is a server's failure to bind its port. */
  static boolean isBindFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage() == null ? "" : t.getMessage();
      if (t instanceof BindException || m.startsWith("cannot bind ") || m.contains("bind(..)")) {
        return true;
      }
    }
    return false;
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException a) {
      return "permission denied on " + a.getFile();
    }
    if (e instanceof FileAlreadyExistsException f) {
      return "a file is in the way: " + f.getFile();
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason().toLowerCase(Locale.ROOT) + ": " + f.getFile();
    }
    return e.getClass().getSimpleName() + " " + oneLine(e.getMessage());
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").trim();
  }
}
