package org.communitylifecycle.testsupport;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A real SMTP server (GreenMail) inside the test JVM, for the whole run: the application context of
 * the integration tests is shared and outlives any one test class, so the server does too. Its port
 * is chosen free once and kept, so a test can stop the server (mail then fails as with a dead
 * SMTP server) and start it again where the application expects it.
 */
public final class TestSmtp {

  private static final String HOST = "127.0.0.1";
  private static int port;
  private static GreenMail server;

  private TestSmtp() {}

  public static synchronized int port() {
    if (port == 0) {
      port = freePort();
      start();
    }
    return port;
  }

  public static String host() {
    return HOST;
  }

  /** The running server; starts it if a test stopped it. */
  public static synchronized GreenMail server() {
    port();
    if (server == null) {
      start();
    }
    return server;
  }

  /** Stops the server: connections to the port are refused until {@link #start()}. */
  public static synchronized void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  public static synchronized void start() {
    if (server == null) {
      GreenMail greenMail = new GreenMail(new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP));
      greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
      greenMail.start();
      server = greenMail;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("No free port for the test SMTP server", e);
    }
  }
}
