package org.communitylifecycle.engine;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The one place that decides which of the engine's exceptions are a caller's mistake, and what
 * the caller should do about it. Both REST APIs ask it: the engine's ({@code /engine-rest}, through
 * {@code web.EngineRestErrors}) and the app's ({@code /api}, through {@code web.ApiErrors}). What it
 * does not recognise stays a server fault.
 *
 * <p>One answer here is no mistake of the caller's and no bug either: the database out of reach
 * (restarted, failed over, the network between). That is 503 with a message and a Retry-After of
 * {@value #RETRY_AFTER_SECONDS} seconds, of two kinds the client can tell by the type: {@value #UNAVAILABLE}
 * (nothing was written, try again) and {@value #OUTCOME_UNKNOWN} (the connection broke during the
 * commit: the change may or may not be saved, reload before trying again).
 *
 * <table>
 *   <tr><td>{@link CommitOutcomeUnknownException} (the connection failed during commit)</td><td>503, may or may not be saved</td></tr>
 *   <tr><td>no connection: SQL state 08xxx, 57P01-57P03 (shut down), 53300, the pool's wait over
 *       ("Connection is not available, request timed out"), {@link CannotGetJdbcConnectionException},
 *       {@link CannotCreateTransactionException} (the drivers report a refused or broken socket as 08xxx)</td><td>503, nothing written</td></tr>
 *   <tr><th>Cause (anywhere in the chain)</th><th>Status</th></tr>
 *   <tr><td>{@link InvalidInputException}</td><td>400, its message</td></tr>
 *   <tr><td>javax.el PropertyNotFoundException ("Unknown property used in expression")</td><td>400, names the variable</td></tr>
 *   <tr><td>SQL state 22001 (value too long for its column)</td><td>400</td></tr>
 *   <tr><td>{@link NullValueException}, {@link NotFoundException}, "Cannot find ..."</td><td>404</td></tr>
 *   <tr><td>{@link TaskAlreadyClaimedException}</td><td>409, names who holds the task</td></tr>
 *   <tr><td>{@link SuspendedEntityInteractionException}</td><td>409, paused until resumed</td></tr>
 *   <tr><td>{@link OptimisticLockingException}</td><td>409, reload</td></tr>
 *   <tr><td>SQL state 23505 / {@link DuplicateKeyException} (a unique key held)</td><td>409</td></tr>
 *   <tr><td>lock timeout (SQL state HYT00, 55P03, 40001, 40P01)</td><td>409, try again</td></tr>
 *   <tr><td>Jackson's {@link JsonProcessingException} (a body that does not parse, or a field of the wrong type)</td><td>400, names the field</td></tr>
 *   <tr><td>a negative OFFSET or LIMIT (SQL state 2201X, 2201W; H2's 90008)</td><td>400, firstResult and maxResults</td></tr>
 *   <tr><td>"Invalid query usage" (criteria that exclude each other)</td><td>400</td></tr>
 *   <tr><td>ENGINE-17007 "Java serialization format is prohibited"</td><td>400, names the variable</td></tr>
 *   <tr><td>IllegalArgumentException of the engine's date parser</td><td>400, the date format</td></tr>
 * </table>
 */
public final class ClientErrors {

  /** A caller's mistake: the HTTP status, the exception type to report and what to fix. */
  public record ClientError(int status, String type, String message) {}

  /** The type of a 503 after which nothing was written: try again. */
  public static final String UNAVAILABLE = "DatabaseUnavailable";

  /** The type of a 503 after which the change may or may not be saved: reload before trying again. */
  public static final String OUTCOME_UNKNOWN = "CommitOutcomeUnknown";

  /** A 503's Retry-After: a restarting PostgreSQL takes a few seconds. */
  public static final int RETRY_AFTER_SECONDS = 5;

  /** SQL states of a connection that is gone or refused: class 08, the server shutting down, full. */
  private static final Set<String> CONNECTION_STATES = Set.of("57P01", "57P02", "57P03", "53300");

  private static final Pattern IDENTIFIER = Pattern.compile("Cannot resolve identifier '([^']+)'");
  private static final Pattern EXPRESSION = Pattern.compile("Unknown property used in expression: \\$\\{([^}]+)}");
  private static final Pattern SERIALIZED = Pattern.compile("Cannot set variable with name (\\S+)\\.");
  private static final Pattern CANNOT_FIND = Pattern.compile("(?i)\\b(cannot find|no \\w+ found for id)");

  private ClientErrors() {}

  /** What the caller got wrong, or empty if the exception is not a caller's mistake. */
  public static Optional<ClientError> classify(Throwable e) {
    if (find(e, CommitOutcomeUnknownException.class) != null) {
      return Optional.of(new ClientError(503, OUTCOME_UNKNOWN, "The connection to the database broke while this "
          + "change was being saved: it may or may not have been saved. Reload the task (or what you changed) to see "
          + "whether it was done before you try again"));
    }
    if (connectionFailed(e)) {
      return Optional.of(new ClientError(503, UNAVAILABLE, poolBusy(e)
          ? "The database is too busy right now: no connection became free in time; nothing was written. "
              + "Try again in a moment"
          : "The database is not reachable right now; nothing was written. Try again in a moment"));
    }
    InvalidInputException invalid = find(e, InvalidInputException.class);
    if (invalid != null) {
      return error(400, invalid, invalid.getMessage());
    }
    Throwable property = findByName(e, "PropertyNotFoundException");
    if (property != null || messageContains(e, "Unknown property used in expression")) {
      String variable = missingVariable(e);
      return error(400, property != null ? property : e, variable == null
          ? "An expression of the process uses a variable that is not set: " + rootMessage(e)
          : "The variable '" + variable + "' is missing; pass it (\"" + variable + "\": {\"value\": ...}) when you start the process or complete the task");
    }
    SQLException sql = find(e, SQLException.class);
    String state = sql == null ? null : sqlState(sql);
    if ("22001".equals(state)) {
      return error(400, e, "A value is too long for the database (text variables hold at most "
          + StringVariableLimit.MAX_LENGTH + " characters); shorten it: " + sql.getMessage());
    }
    if ("23505".equals(state) || find(e, DuplicateKeyException.class) != null) {
      return error(409, e, "Someone did the same at the same moment and got there first; nothing of this request was "
          + "written. Reload to see what is there now" + detailOf(e));
    }
    if (state != null && (state.equals("HYT00") || state.equals("55P03") || state.equals("40001") || state.equals("40P01"))) {
      return error(409, e, "Someone else is changing the same thing right now; nothing of this request was written. Try again");
    }
    TaskAlreadyClaimedException claimed = find(e, TaskAlreadyClaimedException.class);
    if (claimed != null) {
      return error(409, claimed, "The task " + claimed.getTaskId() + " is already claimed by '" + claimed.getTaskAssignee()
          + "'; reload your list, or ask the community's liaison to hand it over");
    }
    SuspendedEntityInteractionException suspended = find(e, SuspendedEntityInteractionException.class);
    if (suspended != null) {
      return error(409, suspended, "This work is paused (its community or program is suspended); it can be done "
          + "once a liaison resumes it: " + suspended.getMessage());
    }
    OptimisticLockingException lock = find(e, OptimisticLockingException.class);
    if (lock != null) {
      return error(409, lock, "The task or instance was changed or completed by someone else meanwhile; reload it");
    }
    NullValueException nullValue = find(e, NullValueException.class);
    if (nullValue != null) {
      return error(404, nullValue, nullValue.getMessage());
    }
    NotFoundException notFound = find(e, NotFoundException.class);
    if (notFound != null) {
      return error(404, notFound, notFound.getMessage());
    }
    if (namesUnknownId(rootMessage(e))) {
      return error(404, e, rootMessage(e));
    }
    return malformedInput(e, state);
  }

  /**
   * Input that the engine or its REST API could not even read: JSON that does not parse or fit,
   * a negative page of a list, a query of criteria that exclude each other, a date in another
   * format, a serialized Java object.
   */
  private static Optional<ClientError> malformedInput(Throwable e, String sqlState) {
    // Only as thrown by the reading of a request's body: a Jackson failure inside the engine is its own.
    if (e instanceof JsonProcessingException json) {
      return error(400, json, describe(json));
    }
    if ("2201X".equals(sqlState) || "2201W".equals(sqlState)
        || "90008".equals(sqlState) && messageContains(e, "OFFSET") || "90008".equals(sqlState) && messageContains(e, "LIMIT")) {
      return error(400, e, "firstResult and maxResults must be 0 or more");
    }
    ProcessEngineException usage = find(e, ProcessEngineException.class);
    if (usage != null && messageContains(e, "Invalid query usage")) {
      return error(400, usage, rootMessage(e) + "; leave out one of the criteria");
    }
    if (usage != null && messageContains(e, "Java serialization format is prohibited")) {
      String variable = SERIALIZED.matcher(rootMessage(e)).results().map(m -> m.group(1)).findFirst().orElse("a variable");
      return error(400, usage, "The value of " + (variable.equals("a variable") ? variable : "'" + variable + "'")
          + " is a serialized Java object, which this server does not take; send it as JSON "
          + "(\"type\": \"Json\", or \"Object\" with \"serializationDataFormat\": \"application/json\") or as text or a number");
    }
    IllegalArgumentException date = find(e, IllegalArgumentException.class);
    if (date != null && thrownBy(date, "org.camunda.bpm.engine.impl.calendar.DateTimeUtil")) {
      return error(400, date, "A date has the wrong format: " + date.getMessage() + "; write dates as yyyy-MM-dd'T'HH:mm:ss.SSSZ, "
          + "for example 2026-03-02T09:00:00.000+0100");
    }
    return Optional.empty();
  }

  /**
   * Whether the database is out of reach: no connection to be had, or the one in use refused or
   * broken (anywhere in the chain, a driver's chained SQL exceptions included). Only the database's:
   * a mail server's refused socket is no reason to say the database is down.
   */
  public static boolean connectionFailed(Throwable e) {
    int depth = 0;
    for (Throwable cause = e; cause != null && depth < 50; cause = cause.getCause(), depth++) {
      if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
          || cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (cause instanceof SQLException sql) {
        int next = 0;
        for (SQLException chained = sql; chained != null && next < 20; chained = chained.getNextException(), next++) {
          String state = chained.getSQLState();
          if (state != null && (state.startsWith("08") || CONNECTION_STATES.contains(state))) {
            return true;
          }
        }
      }
      String message = cause.getMessage();
      // Hikari's answer on a connection it has closed after a failure has no SQL state.
      if (message != null && (message.contains("Connection is not available, request timed out")
          || cause instanceof SQLException && message.equals("Connection is closed"))) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  /** What is wrong with a JSON body, without the Java types and values behind it. */
  private static String describe(JsonProcessingException json) {
    String where = json.getLocation() == null ? "" : " (line " + json.getLocation().getLineNr() + ", column "
        + json.getLocation().getColumnNr() + ")";
    if (json instanceof UnrecognizedPropertyException unknown) {
      return "The field '" + unknown.getPropertyName() + "' is not one this endpoint takes" + where
          + "; see the REST API reference for this endpoint";
    }
    Class<?> type = json instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
    if (json instanceof JsonParseException || type == null || !(json instanceof JsonMappingException mapping)) {
      return "The body is not valid JSON" + where + ": " + json.getOriginalMessage() + "; send a JSON object, "
          + "with Content-Type: application/json";
    }
    String path = mapping.getPath().stream()
        .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
        .reduce("", (a, b) -> a.isEmpty() || b.startsWith("[") ? a + b : a + "." + b);
    String expected;
    if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
      expected = "a JSON array";
    } else if (type == boolean.class || type == Boolean.class) {
      expected = "true or false";
    } else if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
      expected = "a number";
    } else if (CharSequence.class.isAssignableFrom(type) || type.isEnum()) {
      expected = "text";
    } else if (type == java.util.Date.class) {
      expected = "a date such as 2026-03-02T09:00:00.000+0100";
    } else {
      expected = "a JSON object";
    }
    return (path.isEmpty() ? "The body" : "The field '" + path + "'") + " must be " + expected + where
        + "; see the REST API reference for this endpoint";
  }

  private static boolean thrownBy(Throwable e, String className) {
    for (StackTraceElement frame : e.getStackTrace()) {
      if (frame.getClassName().equals(className)) {
        return true;
      }
    }
    return false;
  }

  /** The pool's wait ran out while the database answers (no failed connection attempt behind it): too busy. */
  private static boolean poolBusy(Throwable e) {
    SQLTransientConnectionException timeout = find(e, SQLTransientConnectionException.class);
    return timeout != null && timeout.getCause() == null && timeout.getMessage() != null
        && timeout.getMessage().contains("Connection is not available, request timed out");
  }

  /** One line for a log: the exception's type and the deepest cause's type and message. */
  public static String causeLine(Throwable e) {
    Throwable root = e;
    for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 50; depth++) {
      root = root.getCause();
    }
    String line = e.getClass().getSimpleName() + (root == e ? "" : " <- " + root.getClass().getSimpleName())
        + ": " + root.getMessage();
    int end = line.indexOf('\n');
    return end < 0 ? line : line.substring(0, end);
  }

  /** Whether an unknown id is what the message complains about ("Cannot find task ..."). */
  public static boolean namesUnknownId(String message) {
    return message != null && CANNOT_FIND.matcher(message).find();
  }

  private static String detailOf(Throwable e) {
    InvalidInputException invalid = find(e, InvalidInputException.class);
    return invalid == null ? "" : ": " + invalid.getMessage();
  }

  private static Optional<ClientError> error(int status, Throwable e, String message) {
    return Optional.of(new ClientError(status, e.getClass().getSimpleName(), message));
  }

  private static String missingVariable(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      String message = cause.getMessage();
      if (message == null) {
        continue;
      }
      Matcher identifier = IDENTIFIER.matcher(message);
      if (identifier.find()) {
        return identifier.group(1);
      }
      Matcher expression = EXPRESSION.matcher(message);
      if (expression.find() && expression.group(1).matches("[A-Za-z_$][\\w$]*")) {
        return expression.group(1);
      }
    }
    return null;
  }

  private static String sqlState(SQLException sql) {
    for (SQLException next = sql; next != null; next = next.getNextException()) {
      if (next.getSQLState() != null) {
        return next.getSQLState();
      }
    }
    return null;
  }

  private static boolean messageContains(Throwable e, String text) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && cause.getMessage().contains(text)) {
        return true;
      }
    }
    return false;
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  private static Throwable findByName(Throwable e, String simpleName) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause.getClass().getSimpleName().equals(simpleName)) {
        return cause;
      }
    }
    return null;
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    int depth = 0;
    for (Throwable cause = e; cause != null && depth < 50; cause = cause.getCause(), depth++) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
      if (cause instanceof SQLException sql && type == SQLException.class) {
        return type.cast(sql);
      }
    }
    return null;
  }
}
