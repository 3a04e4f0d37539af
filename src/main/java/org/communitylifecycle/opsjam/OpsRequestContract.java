package org.communitylifecycle.opsjam;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.communitylifecycle.engine.ProcessVariables;

/**
 * The contract of processes/add-ops-request.bpmn: its key, the names of its start form's fields
 * (forms/add-ops-request.form uses them) and typed access to its variables through
 * {@link #of(VariableScope)}.
 */
public final class OpsRequestContract extends ProcessVariables {

  public static final String PROCESS_KEY = "add-ops-request";

  // The start form.
  public static final String JAM_KEY = "jamKey";
  public static final String REQUEST_TITLE = "requestTitle";
  public static final String REQUEST_TAGS = "requestTags";
  public static final String REQUEST_DESCRIPTION = "requestDescription";
  /** The initiator of the instance: who made the request. */
  public static final String REQUESTED_BY = "requestedBy";

  // Set when the request is in the backlog: the new item's key (OPS-n).
  public static final String REQUEST_KEY = "requestKey";

  private OpsRequestContract(VariableScope scope) {
    super(scope);
  }

  public static OpsRequestContract of(VariableScope scope) {
    return new OpsRequestContract(scope);
  }

  /** The start form's fields, as Tasklist submits them. */
  public static Map<String, Object> startForm(String jamKey, String title, String tags, String description) {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put(JAM_KEY, jamKey);
    form.put(REQUEST_TITLE, title);
    form.put(REQUEST_TAGS, tags);
    form.put(REQUEST_DESCRIPTION, description);
    return form;
  }

  public String jamKey() {
    return text(JAM_KEY);
  }

  public String requestedBy() {
    return text(REQUESTED_BY);
  }

  /** The title as sent; the backlog's rules check it. */
  Object titleAsSent() {
    return value(REQUEST_TITLE);
  }

  /** The tags as sent: comma-separated text, or a list from a REST client. */
  Object tagsAsSent() {
    return value(REQUEST_TAGS);
  }

  Object descriptionAsSent() {
    return value(REQUEST_DESCRIPTION);
  }

  public String requestKey() {
    return text(REQUEST_KEY);
  }

  void setRequestKey(String itemKey) {
    set(REQUEST_KEY, itemKey);
  }
}
