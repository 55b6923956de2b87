package io.kitemq.broker.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One JSON configuration file under {@code <storePathRootDir>/config/}, replaced atomically: the
 * new content is written and forced to a temporary sibling, the current content is copied to {@code
 * <name>.bak}, then the temporary file is renamed over the file. A reader therefore sees either the
 * old or the new content, never a torn file; if the file is unreadable the {@code .bak} holds the
 * previous version. Callers serialize writes of one file (the managers hold a lock).
 */
public final class JsonConfigFile {

  private final Path path;
  private final Path backup;
  private final Path temp;

  public JsonConfigFile(Path path) {
    this.path = path;
    this.backup = path.resolveSibling(path.getFileName() + ".bak");
    this.temp = path.resolveSibling(path.getFileName() + ".tmp");
  }

  public Path path() {
    return path;
  }

  public Path backupPath() {
    return backup;
  }

  /** Replaces the file's content as described in the class comment. */
  public void write(byte[] content) throws IOException {
    Files.createDirectories(path.getParent());
    try (FileChannel ch =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      ByteBuffer buf = ByteBuffer.wrap(content);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
    if (Files.exists(path)) {
      Files.copy(path, backup, StandardCopyOption.REPLACE_EXISTING);
    }
    try {
      Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** The file's content, or empty when it does not exist. */
  public Optional<byte[]> read() throws IOException {
    return readPath(path);
  }

  /** The backup's content, or empty when there is none. */
  public Optional<byte[]> readBackup() throws IOException {
    return readPath(backup);
  }

  private static Optional<byte[]> readPath(Path p) throws IOException {
    try {
      return Optional.of(Files.readAllBytes(p));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }
}
