package org.communitylifecycle.identity;

/**
 * Who may start and see a module's processes. Each module that owns a process declares it in a
 * bean of this type, next to the process's contract; {@link AccessSeeding} applies every
 * declaration at startup. So the identity module names no process, and a module's processes come
 * and go with the module.
 */
@FunctionalInterface
public interface ProcessAccess {

  void declare(Declarations declarations);

  /** What a module may declare about its processes. */
  interface Declarations {

    /** The groups may start the process from Tasklist (and so read its definition). */
    Declarations startableBy(String processKey, String... groups);

    /** The groups read the process's definition: Tasklist names the process of each of their tasks. */
    Declarations readableBy(String processKey, String... groups);

    /** Every signed-in user may start the process from Tasklist. */
    Declarations startableByEveryone(String processKey);
  }
}
