package org.communitylifecycle.modelcheck;

import java.util.List;

/**
 * A BPMN or DMN file as the rules read it: its elements in document order.
 *
 * @param resource the file's name in the deployment
 */
record Model(String resource, Kind kind, List<ModelElement> elements) {

  /** The kinds of model the rules read. */
  public enum Kind {
    BPMN,
    DMN;

    /** The kind the engine deploys a file name as, or null when it deploys no model from it. */
    static Kind of(String resource) {
      if (resource.endsWith(".bpmn") || resource.endsWith(".bpmn20.xml")) {
        return BPMN;
      }
      if (resource.endsWith(".dmn") || resource.endsWith(".dmn11.xml")) {
        return DMN;
      }
      return null;
    }
  }
}
