package org.communitylifecycle.testsupport;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.communitylifecycle.contributor.ContributorFigures;

/**
 * Contributor figures a test sets, the same for every community; it records what it was asked so
 * tests can check the dates a gate counts from. Active contributors can differ by date.
 */
public final class FakeContributorFigures implements ContributorFigures {

  private long newContributors;
  private long newCoreMembers;
  private long contributors;
  private long active;
  private final Map<LocalDate, Long> activeOn = new HashMap<>();
  private final List<String> asked = new ArrayList<>();

  public FakeContributorFigures newContributors(long count) {
    newContributors = count;
    return this;
  }

  public FakeContributorFigures newCoreMembers(long count) {
    newCoreMembers = count;
    return this;
  }

  public FakeContributorFigures contributors(long count) {
    contributors = count;
    return this;
  }

  /** Active contributors on any date not given to {@link #activeOn}. */
  public FakeContributorFigures active(long count) {
    active = count;
    return this;
  }

  public FakeContributorFigures activeOn(LocalDate date, long count) {
    activeOn.put(date, count);
    return this;
  }

  /** The questions asked, such as "newContributorsSince sumo-community 2026-03-02". */
  public List<String> asked() {
    return asked;
  }

  @Override
  public long newContributorsSince(String communityKey, LocalDate since) {
    asked.add("newContributorsSince " + communityKey + " " + since);
    return newContributors;
  }

  @Override
  public long activeContributors(String communityKey, LocalDate asOf) {
    asked.add("activeContributors " + communityKey + " " + asOf);
    return activeOn.getOrDefault(asOf, active);
  }

  @Override
  public long newCoreMembersSince(String communityKey, LocalDate since) {
    asked.add("newCoreMembersSince " + communityKey + " " + since);
    return newCoreMembers;
  }

  @Override
  public long contributors(String communityKey) {
    asked.add("contributors " + communityKey);
    return contributors;
  }
}
