package org.communitylifecycle.engine;

import java.util.Arrays;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What every process contract is built on: the variables of one execution or task, read as
 * {@link VariableValues} reads them and written by name, so that raw reads and writes of process
 * variables stay here and in the contracts.
 */
public abstract class ProcessVariables {

  private final VariableScope scope;

  protected ProcessVariables(VariableScope scope) {
    this.scope = scope;
  }

  /** The execution or task the variables are read from. */
  protected final VariableScope scope() {
    return scope;
  }

  /** A variable's value as it is stored, or null. */
  protected final Object value(String name) {
    return scope.getVariable(name);
  }

  /** @see VariableValues#text(VariableScope, String) */
  protected final String text(String name) {
    return VariableValues.text(scope, name);
  }

  /** @see VariableValues#number(VariableScope, String) */
  protected final int number(String name) {
    return VariableValues.number(scope, name);
  }

  /** @see VariableValues#numberOrNull(VariableScope, String) */
  protected final Integer numberOrNull(String name) {
    return VariableValues.numberOrNull(scope, name);
  }

  /** Whether a variable is {@code true}; absent counts as false. */
  protected final boolean isTrue(String name) {
    return Boolean.TRUE.equals(value(name));
  }

  protected final void set(String name, Object value) {
    scope.setVariable(name, value);
  }

  protected final void setAll(Map<String, ?> variables) {
    scope.setVariables(variables);
  }

  /** Sets a variable on the scope itself (a task or an execution), not on the process instance. */
  protected final void setLocal(String name, Object value) {
    scope.setVariableLocal(name, value);
  }

  protected final void remove(String... names) {
    scope.removeVariables(Arrays.asList(names));
  }
}
