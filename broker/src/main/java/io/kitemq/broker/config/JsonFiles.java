package io.kitemq.broker.config;

import io.kitemq.remoting.protocol.body.BodyCodec;
import io.kitemq.remoting.protocol.body.BodyCodecException;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads a config file as a body class, falling back to the backup when the file is damaged. */
final class JsonFiles {

  private static final Logger LOG = LoggerFactory.getLogger(JsonFiles.class);

  private JsonFiles() {}

  static <T> Optional<T> load(JsonConfigFile file, Class<T> type) {
    try {
      Optional<byte[]> main = file.read();
      if (main.isPresent()) {
        try {
          return Optional.of(BodyCodec.decode(main.get(), type));
        } catch (BodyCodecException e) {
          LOG.warn("{} is damaged ({}), trying its backup", file.path(), e.getMessage());
        }
      }
      Optional<byte[]> bak = file.readBackup();
      if (bak.isPresent()) {
        return Optional.of(BodyCodec.decode(bak.get(), type));
      }
      return Optional.empty();
    } catch (IOException | BodyCodecException e) {
      throw new ConfigLoadException("cannot load " + file.path() + ": " + e.getMessage(), e);
    }
  }
}
