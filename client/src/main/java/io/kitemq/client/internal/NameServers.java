package io.kitemq.client.internal;

import io.kitemq.client.ClientException;
import io.kitemq.remoting.netty.RemotingClient;
import io.kitemq.remoting.netty.RemotingException;
import io.kitemq.remoting.protocol.RemotingCommand;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The name-server list: requests go to one server (round robin from a random start) and move to the
 * next when a server cannot be reached. Thread-safe.
 */
final class NameServers {

  private final List<String> addresses;
  private final AtomicInteger index;
  private final RemotingClient remoting;

  NameServers(String namesrvAddr, RemotingClient remoting) {
    this.addresses =
        List.of(namesrvAddr.split(";")).stream()
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .toList();
    if (addresses.isEmpty()) {
      throw new IllegalArgumentException("namesrvAddr has no address: " + namesrvAddr);
    }
    this.index = new AtomicInteger(ThreadLocalRandom.current().nextInt(addresses.size()));
    this.remoting = remoting;
  }

  /** Sends a fresh request from {@code request} to the first name server that answers. */
  RemotingCommand invoke(Supplier<RemotingCommand> request, long timeoutMillis)
      throws ClientException, InterruptedException {
    RemotingException last = null;
    for (int i = 0; i < addresses.size(); i++) {
      String addr = addresses.get(Math.floorMod(index.get(), addresses.size()));
      try {
        return remoting.invokeSync(addr, request.get(), timeoutMillis);
      } catch (RemotingException e) {
        last = e;
        index.incrementAndGet();
      }
    }
    throw new ClientException("no name server answered of " + addresses, last);
  }

  /** Sends a fresh request from {@code request} to every name server; returns their answers. */
  java.util.Map<String, RemotingCommand> invokeAll(
      Supplier<RemotingCommand> request, long timeoutMillis)
      throws ClientException, InterruptedException {
    java.util.Map<String, RemotingCommand> out = new java.util.LinkedHashMap<>();
    for (String addr : addresses) {
      try {
        out.put(addr, remoting.invokeSync(addr, request.get(), timeoutMillis));
      } catch (RemotingException e) {
        throw new ClientException("name server " + addr + " did not answer", e);
      }
    }
    return out;
  }
}
