package org.communitylifecycle.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of a test's own, in a temporary folder, on a free port of 127.0.0.1: to be
 * stopped and started again, which the shared server must never be. Needs PostgreSQL's server binaries
 * (initdb, pg_ctl): PG_BIN, else /usr/lib/postgresql/15/bin, else the first of /usr/lib/postgresql/*\/bin.
 * Missing binaries fail the test, they do not skip it. As root (initdb refuses root) the cluster runs as
 * the user postgres, through runuser. {@link #close()} stops the server it started (pg_ctl, else its
 * postmaster by pid) and deletes the folder.
 */
public final class ThrowawayPostgres implements AutoCloseable {

  private static final long COMMAND_SECONDS = 60;

  private final Path bin;
  private final Path folder;
  private final Path data;
  private final int port;
  private final boolean asPostgresUser;
  private Long postmasterPid;

  private ThrowawayPostgres(Path bin, Path folder, int port, boolean asPostgresUser) {
    this.bin = bin;
    this.folder = folder;
    this.data = folder.resolve("data");
    this.port = port;
    this.asPostgresUser = asPostgresUser;
  }

  /** Creates the cluster (initdb, trust authentication, user postgres) and starts it. */
  public static ThrowawayPostgres start() throws IOException, InterruptedException {
    Path bin = binaries();
    boolean root = "root".equals(System.getProperty("user.name"));
    Path folder = Files.createTempDirectory("cl-throwaway-pg-");
    ThrowawayPostgres cluster = new ThrowawayPostgres(bin, folder, freePort(), root);
    try {
      if (root) {
        UserPrincipal postgres = folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
        Files.setOwner(folder, postgres);
      }
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
      cluster.run("initdb", "-D", cluster.data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync");
      cluster.startServer();
      return cluster;
    } catch (IOException | InterruptedException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  public int port() {
    return port;
  }

  /** Starts the server again (pg_ctl start, waiting until it accepts connections). */
  public void startServer() throws IOException, InterruptedException {
    run("pg_ctl", "-D", data.toString(), "-l", folder.resolve("server.log").toString(), "-w", "-t", "60",
        "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + folder
            + " -c fsync=off -c max_connections=60",
        "start");
    postmasterPid = readPid();
  }

  /** Stops the server as an operator's restart does: fast shutdown, sessions terminated (57P01). */
  public void stopServer() throws IOException, InterruptedException {
    run("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "-t", "60", "stop");
    postmasterPid = null;
  }

  public boolean isRunning() {
    return postmasterPid != null;
  }

  @Override
  public void close() {
    try {
      if (Files.exists(data.resolve("postmaster.pid"))) {
        Long pid = postmasterPid != null ? postmasterPid : readPid();
        try {
          stopServer();
        } catch (IOException | RuntimeException e) {
          if (pid != null) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      System.err.println("Throwaway PostgreSQL: " + e.getMessage());
    } finally {
      delete(folder);
    }
  }

  private Long readPid() throws IOException {
    Path pidFile = data.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return null;
    }
    List<String> lines = Files.readAllLines(pidFile);
    return lines.isEmpty() ? null : Long.parseLong(lines.get(0).trim());
  }

  private void run(String program, String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    if (asPostgresUser) {
      command.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    command.add(bin.resolve(program).toString());
    command.addAll(List.of(arguments));
    Path output = Files.createTempFile("cl-throwaway-pg-command-", ".log");
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
      if (!process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(program + " did not finish in " + COMMAND_SECONDS + " s: " + command);
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(program + " failed (exit " + process.exitValue() + "): " + command + "\n"
            + Files.readString(output) + serverLog());
      }
    } finally {
      Files.deleteIfExists(output);
    }
  }

  private String serverLog() {
    try {
      Path log = folder.resolve("server.log");
      return Files.exists(log) ? "\nserver.log:\n" + Files.readString(log) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static Path binaries() throws IOException {
    List<Path> candidates = new ArrayList<>();
    String configured = System.getenv("PG_BIN");
    if (configured != null && !configured.isBlank()) {
      candidates.add(Path.of(configured));
    }
    candidates.add(Path.of("/usr/lib/postgresql/15/bin"));
    Path versions = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(versions)) {
      try (Stream<Path> each = Files.list(versions)) {
        each.sorted(Comparator.reverseOrder()).map(v -> v.resolve("bin")).forEach(candidates::add);
      }
    }
    return candidates.stream()
        .filter(dir -> Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl")))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("This test starts and stops a PostgreSQL cluster of its own and "
            + "needs PostgreSQL's server binaries (initdb, pg_ctl), looked for in " + candidates
            + ". Install them (Debian/Ubuntu: apt-get install postgresql) or set PG_BIN to their folder."));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void delete(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.deleteIfExists(path);
        } catch (IOException e) {
          System.err.println("Could not delete " + path + ": " + e.getMessage());
        }
      });
    } catch (IOException e) {
      System.err.println("Could not delete " + folder + ": " + e.getMessage());
    }
  }
}
