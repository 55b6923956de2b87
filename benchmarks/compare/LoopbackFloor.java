import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The request/response floor of this machine's loopback: a client process sends fixed-size frames
 * at a fixed rate from several threads, each over its own connection, to a server process that
 * writes every frame straight back; the round trips' percentiles are what no broker on this machine
 * can beat at that rate (two processes, two thread wake-ups and four socket calls a round trip, no
 * work). The comparison runs it next to the latency rows.
 *
 * <p>{@code java LoopbackFloor.java server} prints its port and serves until killed; {@code java
 * LoopbackFloor.java client PORT RATE THREADS SECONDS WARMUP SIZE} prints one JSON object with
 * count, p50Micros, p99Micros, p999Micros and maxMicros of the measured span.
 */
public final class LoopbackFloor {

  public static void main(String[] args) throws Exception {
    if (args.length == 1 && args[0].equals("server")) {
      serve();
    } else if (args.length == 7 && args[0].equals("client")) {
      client(
          Integer.parseInt(args[1]),
          Integer.parseInt(args[2]),
          Integer.parseInt(args[3]),
          Integer.parseInt(args[4]),
          Integer.parseInt(args[5]),
          Integer.parseInt(args[6]));
    } else {
      throw new IllegalArgumentException(
          "usage: server | client PORT RATE THREADS SECONDS WARMUP SIZE");
    }
  }

  private static void serve() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress())) {
      System.out.println(server.getLocalPort());
      System.out.flush();
      while (true) {
        Socket s = server.accept();
        s.setTcpNoDelay(true);
        Thread t = new Thread(() -> echo(s), "echo");
        t.setDaemon(true);
        t.start();
      }
    }
  }

  private static void echo(Socket s) {
    try (s;
        DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(s.getOutputStream()))) {
      byte[] buf = new byte[1 << 16];
      while (true) {
        int n = in.readInt();
        in.readFully(buf, 0, n);
        out.writeInt(n);
        out.write(buf, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // the client is done
    }
  }

  private static void client(int port, int rate, int threads, int seconds, int warmup, int size)
      throws Exception {
    long interval = 1_000_000_000L / rate;
    long start = System.nanoTime() + 100_000_000L;
    long measureFrom = start + warmup * 1_000_000_000L;
    long end = measureFrom + seconds * 1_000_000_000L;
    AtomicLong slot = new AtomicLong();
    List<long[]> perThread = new ArrayList<>();
    int[] counts = new int[threads];
    CountDownLatch done = new CountDownLatch(threads);
    int capacity = (int) Math.min(Integer.MAX_VALUE - 8, (long) rate * seconds + 1024);
    for (int i = 0; i < threads; i++) {
      long[] samples = new long[capacity];
      perThread.add(samples);
      int me = i;
      Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
      s.setTcpNoDelay(true);
      Thread t =
          new Thread(
              () -> {
                try (s;
                    DataInputStream in =
                        new DataInputStream(new BufferedInputStream(s.getInputStream()));
                    DataOutputStream out =
                        new DataOutputStream(new BufferedOutputStream(s.getOutputStream()))) {
                  byte[] body = new byte[size];
                  while (true) {
                    long due = start + slot.getAndIncrement() * interval;
                    if (due >= end) {
                      return;
                    }
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                      LockSupport.parkNanos(wait);
                    }
                    long t0 = System.nanoTime();
                    out.writeInt(size);
                    out.write(body);
                    out.flush();
                    int n = in.readInt();
                    in.readFully(body, 0, n);
                    long rtt = System.nanoTime() - t0;
                    if (t0 >= measureFrom && counts[me] < samples.length) {
                      samples[counts[me]++] = rtt;
                    }
                  }
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                } finally {
                  done.countDown();
                }
              },
              "client-" + i);
      t.start();
    }
    done.await();
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int at = 0;
    for (int i = 0; i < threads; i++) {
      System.arraycopy(perThread.get(i), 0, all, at, counts[i]);
      at += counts[i];
    }
    Arrays.sort(all);
    System.out.printf(
        Locale.ROOT,
        "{\"count\":%d,\"p50Micros\":%d,\"p99Micros\":%d,\"p999Micros\":%d,\"maxMicros\":%d}%n",
        total,
        pct(all, 0.50),
        pct(all, 0.99),
        pct(all, 0.999),
        total == 0 ? 0 : all[total - 1] / 1000);
  }

  private static long pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1000;
  }
}
