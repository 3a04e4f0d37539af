package org.communitylifecycle.source;

import org.communitylifecycle.source.SourceViews.InvalidSource;
import org.communitylifecycle.source.SourceViews.SourceForbidden;
import org.communitylifecycle.source.SourceViews.UnknownSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** What the source API refuses, as RFC 9457 problem details with what to fix. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = SourceController.class)
class SourceApiErrors {

  @ExceptionHandler(InvalidSource.class)
  ProblemDetail invalid(InvalidSource e) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid source", e.getMessage());
    problem.setProperty("problems", e.problems());
    return problem;
  }

  @ExceptionHandler(UnknownSource.class)
  ProblemDetail unknown(UnknownSource e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
  }

  @ExceptionHandler(SourceForbidden.class)
  ProblemDetail forbidden(SourceForbidden e) {
    return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    return problem(HttpStatus.BAD_REQUEST, "Unreadable body", "The body is not a source as JSON: send"
        + " {\"name\": \"...\", \"kind\": \"github\", \"settings\": {\"repositories\": \"owner/name\"}, \"token\": \"...\"}"
        + " with settings as strings");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail badId(MethodArgumentTypeMismatchException e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", "'" + e.getValue() + "' is not a source id; ids are numbers, as"
        + " GET /api/communities/{key}/sources lists them");
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }
}
