package io.kitemq.store.internal;

import io.kitemq.store.StoreException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists the files of a store directory whose names are fixed-width decimal numbers (20-digit
 * segment offsets, 17-digit index timestamps), in name order — which, at a fixed width, is numeric
 * order. Anything else in the directory (temporary or foreign files) is ignored.
 */
final class NumberedFiles {

  private NumberedFiles() {}

  static List<Path> list(Path dir, int nameLength) {
    List<Path> paths = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return paths;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        String n = p.getFileName().toString();
        if (n.length() == nameLength && n.chars().allMatch(Character::isDigit)) {
          paths.add(p);
        }
      }
    } catch (IOException e) {
      throw new StoreException("cannot list " + dir, e);
    }
    paths.sort(null);
    return paths;
  }
}
