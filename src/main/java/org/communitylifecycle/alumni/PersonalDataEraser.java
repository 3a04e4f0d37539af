package org.communitylifecycle.alumni;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Erases a person's name and email from what the engine keeps of the alumni network: runtime
 * variables, historic variables and their details, comments, attachments and the user operation
 * log. Lists of people lose the person's lines; free text, such as a host's notes, keeps
 * everything but the name and email.
 *
 * <p>The history of a variable that ever mentioned the person is deleted whole, all its values
 * with it, because the engine cannot change a recorded value; a variable still running then gets
 * its cleaned value as a fresh history. The search covers the full name and the email as they
 * were given, not nicknames or first names alone.
 */
@Component
class PersonalDataEraser {

  private static final Logger log = LoggerFactory.getLogger(PersonalDataEraser.class);
  private static final int CHUNK = 500;

  /** What was erased, in counts: the log says how much, never whose. */
  public record Erasure(int variableHistories, int runtimeVariables, int comments, int attachments, int logEntries) {
    int total() {
      return variableHistories + runtimeVariables + comments + attachments + logEntries;
    }
  }

  private final RuntimeService runtime;
  private final HistoryService history;
  private final TaskService tasks;
  private final IdentityService identity;
  private final EngineRecords records;

  public PersonalDataEraser(ProcessEngine engine) {
    this.runtime = engine.getRuntimeService();
    this.history = engine.getHistoryService();
    this.tasks = engine.getTaskService();
    this.identity = engine.getIdentityService();
    this.records = new EngineRecords(engine);
  }

  /**
   * Erases the identifiers from one alumni-network instance, or from all of them when
   * {@code processInstanceId} is null.
   */
  public Erasure erase(Collection<String> identifiers, String processInstanceId) {
    PersonalText person = new PersonalText(identifiers);
    if (person.isEmpty()) {
      return new Erasure(0, 0, 0, 0, 0);
    }
    // Erasure is the application's duty, whoever's request set it off: it runs without their authorizations.
    // The engine's Authentication type is in engine.impl; IdentityService is the public way to it.
    var caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      List<String> instances = processInstanceId != null ? List.of(processInstanceId) : everyInstance();
      int histories = 0;
      int running = 0;
      int comments = 0;
      int attachments = 0;
      for (int from = 0; from < instances.size(); from += CHUNK) {
        String[] chunk = instances.subList(from, Math.min(instances.size(), from + CHUNK)).toArray(String[]::new);
        // History first: a running variable's cleaned value then starts a fresh history.
        histories += eraseVariableHistory(chunk, person);
        running += cleanRuntimeVariables(chunk, person);
      }
      for (String instance : instances) {
        comments += eraseComments(instance, person);
        attachments += eraseAttachments(instance, person);
      }
      int logEntries = eraseOperationLog(instances, processInstanceId == null, person);
      Erasure erasure = new Erasure(histories, running, comments, attachments, logEntries);
      if (erasure.total() > 0) {
        log.info("Erased personal data from the engine: {}", erasure);
      }
      return erasure;
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  private List<String> everyInstance() {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(AlumniNetworkContract.PROCESS_KEY).list()
        .stream().map(HistoricProcessInstance::getId).toList();
  }

  private int eraseVariableHistory(String[] instances, PersonalText person) {
    Set<String> known = new LinkedHashSet<>();
    Set<String> mentioning = new LinkedHashSet<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(instances).includeDeleted().disableCustomObjectDeserialization().list()) {
      known.add(variable.getId());
      if (person.mentions(variable.getTypedValue())) {
        mentioning.add(variable.getId());
      }
    }
    List<String> orphanDetails = new ArrayList<>();
    for (HistoricDetail detail : history.createHistoricDetailQuery()
        .processInstanceIdIn(instances).disableCustomObjectDeserialization().list()) {
      if (detail instanceof HistoricVariableUpdate update && person.mentions(update.getTypedValue())) {
        if (known.contains(update.getVariableInstanceId())) {
          mentioning.add(update.getVariableInstanceId());
        } else {
          orphanDetails.add(detail.getId());
        }
      } else if (detail instanceof HistoricFormField field && person.mentions(String.valueOf(field.getFieldValue()))) {
        orphanDetails.add(detail.getId());
      }
    }
    // Deleting a historic variable deletes every detail of it too.
    mentioning.forEach(history::deleteHistoricVariableInstance);
    orphanDetails.forEach(records::deleteDetail);
    return mentioning.size() + orphanDetails.size();
  }

  private int cleanRuntimeVariables(String[] instances, PersonalText person) {
    int cleaned = 0;
    for (VariableInstance variable : runtime.createVariableInstanceQuery()
        .processInstanceIdIn(instances).disableCustomObjectDeserialization().list()) {
      if (!person.mentions(variable.getTypedValue())) {
        continue;
      }
      if (variable.getTypedValue() instanceof StringValue text) {
        String cleanedValue = AlumniNetworkContract.PERSONAL.contains(variable.getName())
            ? person.withoutLinesMentioning(text.getValue())
            : person.redacted(text.getValue());
        AlumniNetworkContract.overwrite(runtime, tasks, variable, cleanedValue);
      } else {
        AlumniNetworkContract.remove(runtime, tasks, variable);
      }
      cleaned++;
    }
    return cleaned;
  }

  private int eraseComments(String instance, PersonalText person) {
    Set<Comment> mentioning = new LinkedHashSet<>();
    Set<String> seen = new LinkedHashSet<>();
    List<Comment> all = new ArrayList<>(tasks.getProcessInstanceComments(instance));
    for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(instance).list()) {
      all.addAll(tasks.getTaskComments(task.getId()));
    }
    for (Comment comment : all) {
      if (seen.add(comment.getId()) && person.mentions(comment.getFullMessage())) {
        mentioning.add(comment);
      }
    }
    boolean instanceRunning = runtime.createProcessInstanceQuery().processInstanceId(instance).count() > 0;
    for (Comment comment : mentioning) {
      String taskId = comment.getTaskId();
      if (taskId != null && tasks.createTaskQuery().taskId(taskId).count() > 0) {
        tasks.deleteTaskComment(taskId, comment.getId());
      } else if (taskId == null && instanceRunning) {
        tasks.deleteProcessInstanceComment(instance, comment.getId());
      } else {
        records.deleteComment(comment);
      }
    }
    return mentioning.size();
  }

  private int eraseAttachments(String instance, PersonalText person) {
    int erased = 0;
    for (Attachment attachment : tasks.getProcessInstanceAttachments(instance)) {
      if (person.mentions(attachment.getName()) || person.mentions(attachment.getDescription())
          || person.mentions(attachment.getUrl())) {
        tasks.deleteAttachment(attachment.getId());
        erased++;
      }
    }
    return erased;
  }

  private int eraseOperationLog(List<String> instances, boolean everyInstance, PersonalText person) {
    List<UserOperationLogEntry> entries = new ArrayList<>();
    if (everyInstance) {
      entries.addAll(history.createUserOperationLogQuery().processDefinitionKey(AlumniNetworkContract.PROCESS_KEY).list());
    } else {
      for (String instance : instances) {
        entries.addAll(history.createUserOperationLogQuery().processInstanceId(instance).list());
      }
    }
    Set<String> erased = new LinkedHashSet<>();
    for (UserOperationLogEntry entry : entries) {
      if (person.mentions(entry.getOrgValue()) || person.mentions(entry.getNewValue())) {
        erased.add(entry.getOperationId() + "/" + entry.getId());
        history.deleteUserOperationLogEntry(entry.getId());
      }
    }
    return erased.size();
  }
}
