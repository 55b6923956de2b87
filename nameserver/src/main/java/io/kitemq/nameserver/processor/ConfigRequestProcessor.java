package io.kitemq.nameserver.processor;

import io.kitemq.nameserver.NameServerConfig;
import io.kitemq.remoting.netty.RequestProcessor;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RequestCode;
import io.kitemq.remoting.protocol.ResponseCode;
import io.netty.channel.Channel;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET_NAMESRV_CONFIG (body: {@code key=value} lines of every setting) and UPDATE_NAMESRV_CONFIG
 * (body: properties text). Only {@link NameServerConfig#RUNTIME_KEYS} can change; any other key
 * makes the whole update fail with NO_PERMISSION and nothing changes. Thread-safe (the config is
 * swapped atomically).
 */
public final class ConfigRequestProcessor implements RequestProcessor {

  /** The codes this processor answers. */
  public static final List<Integer> CODES =
      List.of(RequestCode.UPDATE_NAMESRV_CONFIG, RequestCode.GET_NAMESRV_CONFIG);

  private static final Logger LOG = LoggerFactory.getLogger(ConfigRequestProcessor.class);

  private final AtomicReference<NameServerConfig> config;

  public ConfigRequestProcessor(AtomicReference<NameServerConfig> config) {
    this.config = config;
  }

  @Override
  public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) {
    return CompletableFuture.completedFuture(
        request.code() == RequestCode.GET_NAMESRV_CONFIG ? get() : update(request));
  }

  private RemotingCommand get() {
    StringBuilder text = new StringBuilder();
    config.get().toMap().forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    return RemotingCommand.createResponse(ResponseCode.SUCCESS, null)
        .setBody(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  private RemotingCommand update(RemotingCommand request) {
    if (request.body() == null) {
      return RemotingCommand.createResponse(ResponseCode.SUCCESS, null);
    }
    Properties updates = new Properties();
    try {
      updates.load(new StringReader(new String(request.body(), StandardCharsets.UTF_8)));
    } catch (IOException | IllegalArgumentException e) {
      return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, "string2Properties error");
    }
    try {
      config.updateAndGet(current -> current.withUpdates(updates));
      LOG.info("name server config updated: {}", updates.stringPropertyNames());
      return RemotingCommand.createResponse(ResponseCode.SUCCESS, null);
    } catch (IllegalArgumentException e) {
      return RemotingCommand.createResponse(ResponseCode.NO_PERMISSION, e.getMessage());
    }
  }
}
