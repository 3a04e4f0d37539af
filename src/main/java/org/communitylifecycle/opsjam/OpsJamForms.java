package org.communitylifecycle.opsjam;

import java.util.LinkedHashMap;
import java.util.List;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * Starting values of the forms' lists. Tasklist submits a list with the type of the variable it
 * found on the task, so a list must start out as Json (not null), with one blank row to fill in.
 */
@Component("opsJamForms")
public class OpsJamForms {

  public TypedValue blankRows() {
    return JsonRows.write(List.of(new LinkedHashMap<>()));
  }
}
