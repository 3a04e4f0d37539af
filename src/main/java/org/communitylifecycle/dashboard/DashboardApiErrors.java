package org.communitylifecycle.dashboard;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** What the dashboard API refuses, as RFC 9457 problem details. */
/* Before the shared web.ApiErrors, which takes what this one does not. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = DashboardController.class)
class DashboardApiErrors {

  @ExceptionHandler(DashboardController.Forbidden.class)
  ProblemDetail forbidden(DashboardController.Forbidden e) {
    return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
  }

  @ExceptionHandler(DashboardController.UnknownCommunity.class)
  ProblemDetail notFound(DashboardController.UnknownCommunity e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
  }

  @ExceptionHandler(DashboardController.BadParameter.class)
  ProblemDetail badParameter(DashboardController.BadParameter e) {
    return problem(HttpStatus.BAD_REQUEST, "Bad query parameter", e.getMessage());
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }
}
