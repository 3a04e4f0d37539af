package benchmark;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** One side of the benchmark: how it starts, completes, verifies and lists its instances. */
public interface Scenario {

  /** Creates the users, groups and (bare) the deployment the run needs. */
  void prepare();

  /** Starts the instance with this business key; its due dates spread by {@code index}. */
  void start(String businessKey, int index);

  /**
   * Completes the tasks of the instance with this business key, finding each by the key, as its user
   * would; answers how many tasks it completed.
   */
  int complete(String businessKey);

  /** How many of these instances ended as they should (all tasks done, the expected outcome). */
  long endedAsExpected(List<String> businessKeys);

  /** The open tasks now. */
  long openTasks();

  /** The first pages to time, by name: each runs once per call, authenticated as its user. */
  Map<String, Supplier<Integer>> firstPages();

  /** The process whose stall timers the stall burst makes due (a Deliver step, or a bare task with a timer). */
  String stallProcessKey();

  /** The id of the stall timer's boundary event in it. */
  String stallTimer();

  /** The id of the follow-up task the stall timer creates. */
  String followUpTask();

  /** Starts one instance of {@link #stallProcessKey()}, its stall timer not due yet. */
  void startStalling(String businessKey, int index);

  /** What the engine runs with (plugins, beans), for the results file; throws if it is not what the side must be. */
  Map<String, String> describe();
}
