package org.communitylifecycle.contributor;

import java.util.List;
import java.util.stream.Collectors;

/** What the contributor operations refuse, each with a message a person can act on. */
final class ContributorExceptions {

  private ContributorExceptions() {}

  /** The community key is not in {@code cl_community}. */
  public static class UnknownCommunity extends RuntimeException {
    UnknownCommunity(String communityKey) {
      super("There is no community with the key '" + communityKey + "'");
    }
  }

  /** No contributor with that handle in the community. */
  public static class UnknownContributor extends RuntimeException {
    UnknownContributor(String communityKey, String handle) {
      super("The community '" + communityKey + "' has no contributor '" + handle + "'");
    }
  }

  /** Creating a contributor whose handle the community already has (handles ignore case). */
  public static class DuplicateContributor extends RuntimeException {
    DuplicateContributor(String communityKey, String handle, String existing) {
      super("The community '" + communityKey + "' already has the contributor '" + existing + "'"
          + (existing.equals(handle) ? "" : " (handles ignore case, so '" + handle + "' is the same)"));
    }
  }

  /** The input has problems; nothing was written. */
  public static class InvalidContributorData extends RuntimeException {
    private final String summary;
    private final List<ContributorProblem> problems;

    InvalidContributorData(String summary, List<ContributorProblem> problems) {
      super(summary + ": " + problems.stream().map(ContributorProblem::toString).collect(Collectors.joining("; ")));
      this.summary = summary;
      this.problems = List.copyOf(problems);
    }

    /** Throws one when there are problems. */
    static void throwIfAny(String summary, List<ContributorProblem> problems) {
      if (!problems.isEmpty()) {
        throw new InvalidContributorData(summary, problems);
      }
    }

    /** What was not done, without the problems. */
    public String summary() {
      return summary;
    }

    public List<ContributorProblem> problems() {
      return problems;
    }
  }

  /**
   * The decision {@code contributor-tier} has no rule for a contributor's inputs: a gap a process
   * designer must close. Nothing was written.
   */
  public static class TierRuleGap extends IllegalStateException {
    TierRuleGap(String message) {
      super(message);
    }
  }
}
