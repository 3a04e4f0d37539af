package org.communitylifecycle.testsupport;

import java.util.HashMap;
import java.util.Map;

/** What a stage passes to a milestone it calls, for SUMO Community: alice delivers, bob reviews. */
public final class MilestoneInputs {

  private MilestoneInputs() {}

  /** The inputs of the milestone with this key, as a map the caller may add to. */
  public static Map<String, Object> sumo(String milestoneKey) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("milestoneKey", milestoneKey);
    inputs.put("milestoneName", "Document community practices");
    inputs.put("stage", "learning-and-preparing-for-growth");
    inputs.put("deliverable", "Documentation of community practices");
    inputs.put("responsibleUser", "alice");
    inputs.put("responsibleGroup", "activators");
    inputs.put("supportUser", "bob");
    inputs.put("supportGroup", "cbt-liaisons");
    return inputs;
  }
}
