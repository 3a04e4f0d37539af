package benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local SMTP server that accepts every message and keeps only their count, for the mail-on row:
 * java -cp bench.jar benchmark.SmtpSink PORT_FILE COUNT_FILE. Listens on 127.0.0.1 on a free port,
 * which it writes to PORT_FILE; rewrites COUNT_FILE with the count after each message.
 */
public final class SmtpSink {

  private static final AtomicLong received = new AtomicLong();

  private SmtpSink() {}

  public static void main(String[] args) throws IOException {
    Path count = Path.of(args[1]);
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Files.writeString(count, "0\n");
      Files.writeString(Path.of(args[0]), server.getLocalPort() + "\n");
      while (true) {
        Socket socket = server.accept();
        Thread thread = new Thread(() -> serve(socket, count));
        thread.setDaemon(true);
        thread.start();
      }
    }
  }

  private static void serve(Socket socket, Path count) {
    try (socket;
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = socket.getOutputStream()) {
      reply(out, "220 bench-sink ESMTP");
      String line;
      while ((line = in.readLine()) != null) {
        String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
        switch (command) {
          case "EHLO", "HELO" -> reply(out, "250 bench-sink");
          case "DATA" -> {
            reply(out, "354 end with .");
            while ((line = in.readLine()) != null && !line.equals(".")) {
              // the message is dropped
            }
            long n = received.incrementAndGet();
            synchronized (SmtpSink.class) {
              Files.writeString(count, n + "\n");
            }
            reply(out, "250 queued");
          }
          case "QUIT" -> {
            reply(out, "221 bye");
            return;
          }
          default -> reply(out, "250 ok");
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }
}
