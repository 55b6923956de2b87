package io.kitemq.client;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;

/** Defaults of the client id: the first non-loopback IPv4 address and the process id. */
final class ProcessIds {

  private ProcessIds() {}

  static String defaultInstanceName() {
    return ProcessHandle.current().pid() + "#" + System.nanoTime();
  }

  static String localIp() {
    try {
      for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        for (InetAddress a : Collections.list(nif.getInetAddresses())) {
          if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
            return a.getHostAddress();
          }
        }
      }
    } catch (SocketException e) {
      // No interface list: the loopback address still makes a valid, if less unique, id.
      return "127.0.0.1";
    }
    return "127.0.0.1";
  }
}
