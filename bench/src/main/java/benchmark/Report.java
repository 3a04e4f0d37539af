package benchmark;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Turns the figures of both sides into the results table (markdown): java -cp bench.jar
 * benchmark.Report bare.properties product.properties machine.properties out.md. The ratio is
 * always Community Lifecycle / bare Camunda: above 1 is more per second, or slower, or bigger.
 */
public final class Report {

  private final Properties bare;
  private final Properties product;
  private final Properties machine;
  private final Properties mail;
  private final List<String> lines = new ArrayList<>();

  private Report(Properties bare, Properties product, Properties machine, Properties mail) {
    this.mail = mail;
    this.bare = bare;
    this.product = product;
    this.machine = machine;
  }

  public static void main(String[] args) throws IOException {
    Report report = new Report(load(args[0]), load(args[1]), load(args[2]), args.length > 4 ? load(args[4]) : new Properties());
    String text = report.render();
    Files.writeString(Path.of(args[3]), text);
    System.out.print(text);
  }

  private static Properties load(String file) throws IOException {
    Properties p = new Properties();
    try (Reader reader = Files.newBufferedReader(Path.of(file))) {
      p.load(reader);
    }
    return p;
  }

  private String render() {
    String n = product.getProperty("n", "?");
    lines.add("# Benchmark: bare Camunda and Community Lifecycle, " + machine.getProperty("date"));
    lines.add("");
    lines.add("N=" + n + " instances, " + product.getProperty("threads", "?") + " threads, job executor off, "
        + "a fresh PostgreSQL database per side. Ratio = Community Lifecycle / bare Camunda. See bench/README.md.");
    lines.add("");
    lines.add("| figure | bare Camunda | Community Lifecycle | ratio |");
    lines.add("|---|---|---|---|");
    row("task completions/s (bare: chain of 5 tasks; milestone: Deliver, then Review accept)", "completions.per.s", 0);
    row("process starts/s", "starts.per.s", 0);
    if (mail.containsKey("completions.per.s")) {
      mailRow("task completions/s, mail on (local SMTP sink)", "completions.per.s", 0);
      mailRow("process starts/s, mail on", "starts.per.s", 0);
      mailRow("database rows written per process instance, mail on", "rows.written.per.instance", 1);
    }
    for (String open : openLevels()) {
      String at = String.format(Locale.ROOT, "%,d", Long.parseLong(open));
      pages("first page (20 by due date) of the candidate groups' tasks, " + at + " open, p50 / p95 ms",
          "page.group." + open, "page.group." + open);
      if (product.containsKey("page.due-soon." + open + ".p95.ms")) {
        pages("first page of the activator's \"Due soon\" (product) vs. the bare group page, " + at + " open, p50 / p95 ms",
            "page.group." + open, "page.due-soon." + open);
      }
    }
    if (product.containsKey("stall.seconds") || bare.containsKey("stall.seconds")) {
      String count = String.format(Locale.ROOT, "%,d", Long.parseLong(product.getProperty("stall.count", bare.getProperty("stall.count", "0"))));
      row(count + " stall timers due at once → follow-up tasks, s (job executor on, each side's settings)", "stall.seconds", 1);
      row("… follow-up tasks/s", "stall.per.s", 0);
    }
    row("database rows written per process instance (inserted + updated + deleted, act_* and cl_*)",
        "rows.written.per.instance", 1);
    lines.add("| … of which inserted / updated / deleted | " + triple(bare) + " | " + triple(product) + " | |");
    row("database rows kept per finished process instance", "rows.kept.per.instance", 1);
    row("`java -jar` to ready, first start on an empty database (creates the schema), s", "ready.first.s", 1);
    row("`java -jar` to ready, restart, s", "ready.restart.s", 1);
    row("peak RSS of the benchmark JVM (VmHWM), MB", "rss.peak.mb", 0);
    lines.add("| instances that ended as expected | " + bare.getProperty("ended.as.expected", "—") + " / " + bare.getProperty("n", "—")
        + " | " + product.getProperty("ended.as.expected", "—") + " / " + product.getProperty("n", "—") + " | |");
    lines.add("");
    lines.add("Machine: " + machine.getProperty("cores") + " cores (" + machine.getProperty("cpu") + "), "
        + machine.getProperty("ram") + " RAM, PostgreSQL " + machine.getProperty("postgres") + ", JVM "
        + machine.getProperty("jvm") + " (options: " + machine.getProperty("jvm.options") + "). Commit " + machine.getProperty("commit") + ".");
    lines.add("");
    if (mail.containsKey("completions.per.s")) {
      lines.add("Mail on: the sink received " + mail.getProperty("mail.received", "?") + " mails while the benchmark JVM ran ("
          + mail.getProperty("ended.as.expected", "?") + " / " + mail.getProperty("n") + " instances ended as expected); rows by table: "
          + mail.getProperty("rows.written.by.table", "?"));
      lines.add("");
    }
    lines.add("Rows written per instance by table:");
    lines.add("");
    lines.add("- bare: " + bare.getProperty("rows.written.by.table", "?"));
    lines.add("- Community Lifecycle: " + product.getProperty("rows.written.by.table", "?"));
    lines.add("");
    lines.add("Engines:");
    lines.add("");
    for (Properties side : List.of(bare, product)) {
      lines.add("- " + (side == bare ? "bare" : "Community Lifecycle") + ": history " + side.getProperty("engine.history")
          + ", authorization " + side.getProperty("engine.authorization") + ", job executor (stall burst): "
          + side.getProperty("job.executor", "?") + ", " + side.getProperty("engine.beans") + " beans ("
          + side.getProperty("engine.product.beans") + " of the product), plugins: "
          + side.getProperty("engine.plugins", "").replace("org.camunda.bpm.", "o.c.b.").replace("org.communitylifecycle.", "o.cl."));
    }
    for (Properties side : List.of(bare, product)) {
      for (String key : side.stringPropertyNames().stream().sorted().toList()) {
        if (key.startsWith("fill.starts.per.s.")) {
          lines.add("- " + (side == bare ? "bare" : "Community Lifecycle") + ": starts/s while filling up to "
              + key.substring("fill.starts.per.s.".length()) + " open tasks: " + side.getProperty(key));
        }
      }
    }
    lines.add("");
    return String.join("\n", lines);
  }

  private List<String> openLevels() {
    return java.util.stream.Stream.concat(bare.stringPropertyNames().stream(), product.stringPropertyNames().stream())
        .filter(k -> k.startsWith("page.group.") && k.endsWith(".p95.ms"))
        .map(k -> k.substring("page.group.".length(), k.length() - ".p95.ms".length())).distinct()
        .sorted((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b))).toList();
  }

  private void row(String figure, String key, int decimals) {
    lines.add("| " + figure + " | " + value(bare, key, decimals) + " | " + value(product, key, decimals) + " | "
        + ratio(bare.getProperty(key), product.getProperty(key)) + " |");
  }

  private void mailRow(String figure, String key, int decimals) {
    lines.add("| " + figure + " | " + value(bare, key, decimals) + " | " + value(mail, key, decimals) + " | "
        + ratio(bare.getProperty(key), mail.getProperty(key)) + " |");
  }

  private void pages(String figure, String bareKey, String productKey) {
    lines.add("| " + figure + " | " + value(bare, bareKey + ".p50.ms", 1) + " / " + value(bare, bareKey + ".p95.ms", 1)
        + " | " + value(product, productKey + ".p50.ms", 1) + " / " + value(product, productKey + ".p95.ms", 1) + " | "
        + ratio(bare.getProperty(bareKey + ".p95.ms"), product.getProperty(productKey + ".p95.ms")) + " (p95) |");
  }

  private static String triple(Properties side) {
    return value(side, "rows.inserted.per.instance", 1) + " / " + value(side, "rows.updated.per.instance", 1) + " / "
        + value(side, "rows.deleted.per.instance", 1);
  }

  private static String value(Properties side, String key, int decimals) {
    String v = side.getProperty(key);
    if (v == null) {
      return "—";
    }
    return String.format(Locale.ROOT, "%,." + decimals + "f", Double.parseDouble(v));
  }

  private static String ratio(String bare, String product) {
    if (bare == null || product == null || Double.parseDouble(bare) == 0) {
      return "—";
    }
    return "**" + String.format(Locale.ROOT, "%.2f", Double.parseDouble(product) / Double.parseDouble(bare)) + "**";
  }
}
