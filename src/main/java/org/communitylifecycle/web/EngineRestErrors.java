package org.communitylifecycle.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
// IdentityService hands out the caller's authentication as this impl type.
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.communitylifecycle.engine.ClientErrors;
import org.communitylifecycle.engine.ClientErrors.ClientError;
import org.communitylifecycle.engine.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.glassfish.jersey.server.ParamException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * The engine REST API's answers to exceptions: Camunda's own mapping, except for what
 * {@link ClientErrors} recognises as a caller's mistake, which becomes that 4xx with a message
 * saying what to fix, in Camunda's JSON shape ({@code {"type", "message", "code"}}). Camunda's
 * resources wrap most engine exceptions of /start and /complete in a {@link RestException} with
 * status 500, so both are mapped, and any other throwable too. The database out of reach is 503 with
 * Retry-After, logged in one line. The mappers are registered with a
 * higher priority than Camunda's, which Jersey prefers for the same exception type. The webapps'
 * own engine API, which Tasklist calls, gets the same mappers through {@link WebappEngineApi}.
 */
@Component
public class EngineRestErrors implements ResourceConfigCustomizer {

  private static final Logger log = LoggerFactory.getLogger(EngineRestErrors.class);

  /** Ahead of Camunda's mappers, which have Jersey's default priority (5000). */
  static final int PRIORITY = 100;

  /** The mappers; {@link WebappEngineApi} registers them in the webapps' engine API too. */
  static final List<Class<?>> MAPPERS = List.of(EngineExceptions.class, RestExceptions.class, OtherExceptions.class,
      JsonParseExceptions.class, JsonMappingExceptions.class);

  @Override
  public void customize(org.glassfish.jersey.server.ResourceConfig config) {
    MAPPERS.forEach(mapper -> config.register(mapper, PRIORITY));
  }

  // /engine-rest/task/..., and in the webapps' engine API /camunda/api/engine/engine/{name}/task/...
  private static final Pattern TASK_ACTION = Pattern.compile("^/?(?:engine/[^/]+/)?task/([^/]+)/(complete|submit-form|resolve)$");
  private static final Pattern TASK_READ = Pattern.compile("^/?(?:engine/[^/]+/)?task/([^/]+)/[^/]+$");

  /**
   * A caller's mistake as Camunda's JSON error, or empty. Of simultaneous completions of one task,
   * the losers may also fail the authorization check (the task's identity links are gone with it) or
   * trip over the execution tree the winner just changed: if the task is gone, that is a lost race too.
   */
  static Optional<Response> clientError(Throwable e, UriInfo uri) {
    if (e instanceof ParamException parameter && parameter.getParameterName() != null) {
      return Optional.of(response(new ClientError(400, "InvalidRequestException", badParameter(parameter, uri)), e));
    }
    if (alreadyClientError(e)) {
      return Optional.empty();
    }
    Optional<Response> classified = clientError(e);
    if (uri != null && (classified.isEmpty() || e instanceof AuthorizationException)) {
      Matcher action = TASK_ACTION.matcher(uri.getPath());
      if (action.matches() && taskIsGone(action.group(1))) {
        return Optional.of(response(new ClientError(409, e.getClass().getSimpleName(), "The task " + action.group(1)
            + " was changed or completed by someone else; reload it"), e));
      }
      // Some of Camunda's task resources (deployed-form) fail on an unknown task instead of saying so.
      Matcher read = TASK_READ.matcher(uri.getPath());
      if (classified.isEmpty() && !action.matches() && read.matches() && taskIsGone(read.group(1))) {
        return Optional.of(response(new ClientError(404, "NotFoundException", "There is no task with the id '"
            + read.group(1) + "'; it may have been completed meanwhile"), e));
      }
    }
    return classified;
  }

  /**
   * A parameter Jersey could not convert to its type, such as maxResults=abc: JAX-RS answers 404
   * ("HTTP 404 Not Found"), which sends the caller looking for a missing resource.
   */
  private static String badParameter(ParamException parameter, UriInfo uri) {
    String kind = parameter instanceof ParamException.QueryParamException ? "query parameter"
        : parameter instanceof ParamException.PathParamException ? "path parameter"
        : parameter instanceof ParamException.FormParamException ? "form field" : "parameter";
    String value = uri == null ? null : parameter instanceof ParamException.PathParamException
        ? uri.getPathParameters().getFirst(parameter.getParameterName())
        : uri.getQueryParameters().getFirst(parameter.getParameterName());
    return "The " + kind + " '" + parameter.getParameterName() + "'" + (value == null ? "" : " is '" + abbreviate(value) + "', which")
        + " is not of its type (a whole number, true or false, a date such as 2026-03-02T09:00:00.000+0100, or one of "
        + "the values the REST API reference lists); correct it";
  }

  private static String abbreviate(String value) {
    return value.length() > 100 ? value.substring(0, 100) + "..." : value;
  }

  private static boolean taskIsGone(String taskId) {
    try {
      return taskCount(taskId) == 0;
    } catch (RuntimeException e) {
      // The database may be what failed: the original exception is answered, not this one.
      log.debug("Could not look up task {} after a failed action: {}", taskId, e.toString());
      return false;
    }
  }

  private static long taskCount(String taskId) {
    ProcessEngine engine = EngineUtil.lookupProcessEngine(null);
    IdentityService identity = engine.getIdentityService();
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return engine.getTaskService().createTaskQuery().taskId(taskId).count();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  /** A caller's mistake as Camunda's JSON error, or empty. */
  static Optional<Response> clientError(Throwable e) {
    Throwable cause = e instanceof RestException && e.getCause() != null ? e.getCause() : e;
    if (alreadyClientError(e)) {
      return Optional.empty();
    }
    return ClientErrors.classify(cause).map(error -> response(error, cause));
  }

  /**
   * Camunda's own answer stands: a 4xx it chose (with its message, such as "Cannot submit task form
   * &lt;id&gt;: ..."). Not so for the app's own refusals: submit-form, complete and start prefix the
   * {@link InvalidInputException}'s message with "Cannot submit task form &lt;task id&gt;:", which
   * Tasklist shows as it is; the person needs what to fix, so that message is answered alone.
   */
  private static boolean alreadyClientError(Throwable e) {
    return e instanceof RestException rest && !refusedInput(rest)
        && (rest.getCause() == null || rest.getStatus() != null && rest.getStatus().getStatusCode() < 500);
  }

  /** Whether the app refused the input: an {@link InvalidInputException} anywhere in the chain. */
  private static boolean refusedInput(Throwable e) {
    int depth = 0;
    for (Throwable cause = e; cause != null && depth < 50; cause = cause.getCause(), depth++) {
      if (cause instanceof InvalidInputException) {
        return true;
      }
    }
    return false;
  }

  private static Response response(ClientError error, Throwable e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", error.type());
    body.put("message", error.message());
    body.put("code", engineCode(e));
    Response.ResponseBuilder answer = Response.status(error.status()).entity(body).type(MediaType.APPLICATION_JSON_TYPE);
    if (error.status() == 503) {
      // Not a bug: one line, no stack trace, however many requests meet the outage.
      log.warn("Engine REST answered 503 {}: {}", error.type(), ClientErrors.causeLine(e));
      answer.header("Retry-After", ClientErrors.RETRY_AFTER_SECONDS);
    } else {
      log.debug("Engine REST answered {}: {}", error.status(), error.message());
    }
    return answer.build();
  }

  private static Integer engineCode(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ProcessEngineException engine) {
        return engine.getCode();
      }
    }
    return null;
  }

  /** Engine exceptions thrown as they are. */
  @Priority(PRIORITY)
  public static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {
    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();
    @Context UriInfo uri;

    @Override
    public Response toResponse(ProcessEngineException e) {
      return clientError(e, uri).orElseGet(() -> camunda.toResponse(e));
    }
  }

  /** Engine exceptions a Camunda resource wrapped, as a rule with status 500. */
  @Priority(PRIORITY)
  public static class RestExceptions implements ExceptionMapper<RestException> {
    private final RestExceptionHandler camunda = new RestExceptionHandler();
    @Context UriInfo uri;

    @Override
    public Response toResponse(RestException e) {
      return clientError(e, uri).orElseGet(() -> camunda.toResponse(e));
    }
  }

  /**
   * A body that is not JSON. Camunda answers 400 with an empty message (so as not to echo the body);
   * this says where the JSON breaks off, without echoing it.
   */
  @Priority(PRIORITY)
  public static class JsonParseExceptions implements ExceptionMapper<com.fasterxml.jackson.core.JsonParseException> {
    @Override
    public Response toResponse(com.fasterxml.jackson.core.JsonParseException e) {
      return clientError(e).orElseThrow();
    }
  }

  /** JSON of the wrong shape: names the field and what it must be, where Camunda's message is empty. */
  @Priority(PRIORITY)
  public static class JsonMappingExceptions implements ExceptionMapper<com.fasterxml.jackson.databind.JsonMappingException> {
    @Override
    public Response toResponse(com.fasterxml.jackson.databind.JsonMappingException e) {
      return clientError(e).orElseThrow();
    }
  }

  /** Anything else, a database's refusal from one of the app's listeners for one. */
  @Priority(PRIORITY)
  public static class OtherExceptions implements ExceptionMapper<Throwable> {
    private final ExceptionHandler camunda = new ExceptionHandler();
    @Context UriInfo uri;

    @Override
    public Response toResponse(Throwable e) {
      return clientError(e, uri).orElseGet(() -> camunda.toResponse(e));
    }
  }
}
