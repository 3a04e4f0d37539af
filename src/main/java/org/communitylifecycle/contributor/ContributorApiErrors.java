package org.communitylifecycle.contributor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.communitylifecycle.contributor.ContributorExceptions.DuplicateContributor;
import org.communitylifecycle.contributor.ContributorExceptions.InvalidContributorData;
import org.communitylifecycle.contributor.ContributorExceptions.TierRuleGap;
import org.communitylifecycle.contributor.ContributorExceptions.UnknownCommunity;
import org.communitylifecycle.contributor.ContributorExceptions.UnknownContributor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns what the contributor API refuses into RFC 9457 problem details with a message a person can act on. */
/* Before the shared web.ApiErrors, which takes what this one does not. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = ContributorController.class)
class ContributorApiErrors {

  private static final Logger log = LoggerFactory.getLogger(ContributorApiErrors.class);

  @ExceptionHandler({UnknownCommunity.class, UnknownContributor.class})
  ProblemDetail notFound(RuntimeException e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
  }

  @ExceptionHandler(ContributorController.Forbidden.class)
  ProblemDetail forbidden(ContributorController.Forbidden e) {
    return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
  }

  @ExceptionHandler(DuplicateContributor.class)
  ProblemDetail duplicate(DuplicateContributor e) {
    return problem(HttpStatus.CONFLICT, "Contributor exists", e.getMessage());
  }

  /** Two callers recording the same contributor at the same moment: the database's unique keys hold. */
  @ExceptionHandler(DuplicateKeyException.class)
  ProblemDetail race(DuplicateKeyException e) {
    return problem(HttpStatus.CONFLICT, "Recorded meanwhile",
        "Someone recorded the same contributor at the same moment; nothing of this request was written. Try again.");
  }

  /** Lists every problem: by field for JSON, by line for a CSV file. */
  @ExceptionHandler(InvalidContributorData.class)
  ProblemDetail invalid(InvalidContributorData e) {
    List<ContributorProblem> problems = e.problems();
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, e.summary(),
        problems.size() == 1 ? problems.get(0).toString() : problems.size() + " problems, listed in errors");
    problem.setProperty("errors", problems.stream().map(ContributorApiErrors::entry).toList());
    return problem;
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    return problem(HttpStatus.BAD_REQUEST, "Unreadable request",
        "The request body must be a JSON object with text fields, for example "
            + "{\"handle\": \"kiki\", \"joinedOn\": \"2026-03-02\"}; dates are YYYY-MM-DD");
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ProblemDetail missingParameter(MissingServletRequestParameterException e) {
    return problem(HttpStatus.BAD_REQUEST, "Missing parameter",
        "The query parameter '" + e.getParameterName() + "' is missing");
  }

  /** A gap in the decision table is a fault of the model, not of the caller; the message says who must close it. */
  @ExceptionHandler(TierRuleGap.class)
  ProblemDetail tierRuleGap(TierRuleGap e) {
    log.error(e.getMessage());
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "The tier rules have a gap", e.getMessage());
  }

  private static Map<String, Object> entry(ContributorProblem p) {
    Map<String, Object> entry = new LinkedHashMap<>();
    if (p.line() != null) {
      entry.put("line", p.line());
    }
    if (p.field() != null) {
      entry.put("field", p.field());
    }
    entry.put("message", p.message());
    return entry;
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }
}
