package org.communitylifecycle.web;

import org.camunda.bpm.engine.ProcessEngineException;
import org.communitylifecycle.engine.ClientErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * What every REST controller of the app's API ({@code /api}; the HTML pages keep theirs) refuses and its own advice
 * ({@code *ApiErrors}, which come first) does not: Spring MVC's standard exceptions as RFC 9457
 * problem details that say what to fix (an unreadable or missing body, a parameter of the wrong
 * type, a missing parameter, the wrong content type, an upload too large), and the engine's
 * exceptions as {@link ClientErrors} classifies them.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiErrors extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String cause = e.getMostSpecificCause() == null ? "" : e.getMostSpecificCause().getMessage();
    boolean missing = cause != null && cause.startsWith("Required request body is missing")
        || e.getMessage() != null && e.getMessage().startsWith("Required request body is missing");
    return problem(HttpStatus.BAD_REQUEST, missing ? "Missing body" : "Unreadable request", missing
        ? "The request needs a JSON body; send one with Content-Type: application/json"
        : "The request body is not the JSON this endpoint takes: " + firstLine(cause), headers);
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
    String type = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
    return problem(HttpStatus.BAD_REQUEST, "Bad parameter",
        "The parameter '" + name + "' is '" + e.getValue() + "', which is not a " + type + "; correct it", headers);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return problem(HttpStatus.BAD_REQUEST, "Missing parameter",
        "The query parameter '" + e.getParameterName() + "' (" + e.getParameterType() + ") is missing", headers);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
      HttpMediaTypeNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type",
        "Send the body as one of " + e.getSupportedMediaTypes() + ", not " + e.getContentType(), headers);
  }

  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
      MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Too large",
        "The upload is larger than the " + (e.getMaxUploadSize() < 0 ? "allowed size" : e.getMaxUploadSize() + " bytes allowed")
            + "; split it or shorten it", headers);
  }

  /**
   * Engine calls, the app's tables and their transactions: a caller's mistake as {@link ClientErrors} says
   * (the database out of reach: 503 with Retry-After), else a fault.
   */
  @ExceptionHandler({ProcessEngineException.class, DataAccessException.class, TransactionException.class})
  ResponseEntity<Object> engine(RuntimeException e) {
    return ClientErrors.classify(e)
        .map(error -> {
          HttpHeaders headers = new HttpHeaders();
          if (error.status() == 503) {
            // The database out of reach is not a bug: one line, no stack trace.
            log.warn("API answered 503 {}: {}", error.type(), ClientErrors.causeLine(e));
            headers.set(HttpHeaders.RETRY_AFTER, Integer.toString(ClientErrors.RETRY_AFTER_SECONDS));
          }
          return problem(HttpStatus.valueOf(error.status()), error.type(), error.message(), headers);
        })
        .orElseGet(() -> {
          log.error("API call failed", e);
          return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Server error",
              "The server failed; nothing you sent was wrong. Try again later, or tell the administrator", new HttpHeaders());
        });
  }

  private static ResponseEntity<Object> problem(HttpStatus status, String title, String detail, HttpHeaders headers) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return ResponseEntity.status(status).headers(headers).body(problem);
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int end = text.indexOf('\n');
    String line = end < 0 ? text : text.substring(0, end);
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
