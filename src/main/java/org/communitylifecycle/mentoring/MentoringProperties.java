package org.communitylifecycle.mentoring;

import java.time.ZonedDateTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of a group mentoring cohort. The defaults are the Kubernetes seed's: at most 10 mentees,
 * one mentor for every 3 mentees, 2 to 3 months, a standup every week. The seed's newer program
 * allows 4 mentees a mentor and 8 a cohort: set {@code mentees-per-mentor: 4} and {@code max-mentees: 8}.
 *
 * @param maxMentees most mentees one cohort may have
 * @param menteesPerMentor a cohort needs one mentor for every this many mentees (rounded up)
 * @param minDuration shortest planned duration of a cohort (ISO-8601 period, {@code P2M})
 * @param maxDuration longest planned duration ({@code P3M})
 * @param standupInterval time from one standup to the next ({@code P1W})
 * @param missedStandupsBeforeFollowUp a mentee who misses this many standups in a row is
 *     followed up by their mentor (and again after as many more)
 * @param baseline the graduation rate new cohorts are compared with: the seed's first cohort
 */
@ConfigurationProperties("community-lifecycle.mentoring")
public record MentoringProperties(
    @DefaultValue("10") int maxMentees,
    @DefaultValue("3") int menteesPerMentor,
    @DefaultValue("P2M") String minDuration,
    @DefaultValue("P3M") String maxDuration,
    @DefaultValue("P1W") String standupInterval,
    @DefaultValue("2") int missedStandupsBeforeFollowUp,
    @DefaultValue Baseline baseline) {

  private static final String PREFIX = "community-lifecycle.mentoring.";

  /**
   * A graduation rate to compare with.
   *
   * @param graduated mentees who graduated
   * @param enrolled mentees who were enrolled
   */
  public record Baseline(@DefaultValue("5") int graduated, @DefaultValue("10") int enrolled) {

    public Baseline {
      if (enrolled < 1) {
        throw new IllegalArgumentException(PREFIX + "baseline.enrolled must be at least 1, got " + enrolled);
      }
      if (graduated < 0 || graduated > enrolled) {
        throw new IllegalArgumentException(
            PREFIX + "baseline.graduated must be between 0 and baseline.enrolled (" + enrolled + "), got " + graduated);
      }
    }
  }

  public MentoringProperties {
    if (maxMentees < 1) {
      throw new IllegalArgumentException(PREFIX + "max-mentees must be at least 1, got " + maxMentees);
    }
    if (menteesPerMentor < 1) {
      throw new IllegalArgumentException(PREFIX + "mentees-per-mentor must be at least 1, got " + menteesPerMentor);
    }
    if (missedStandupsBeforeFollowUp < 1) {
      throw new IllegalArgumentException(
          PREFIX + "missed-standups-before-follow-up must be at least 1, got " + missedStandupsBeforeFollowUp);
    }
    IsoPeriod min = IsoPeriod.require(PREFIX + "min-duration", minDuration);
    IsoPeriod max = IsoPeriod.require(PREFIX + "max-duration", maxDuration);
    IsoPeriod interval = IsoPeriod.require(PREFIX + "standup-interval", standupInterval);
    ZonedDateTime reference = ZonedDateTime.parse("2026-01-01T00:00:00Z");
    if (min.addTo(reference).isAfter(max.addTo(reference))) {
      throw new IllegalArgumentException(
          PREFIX + "min-duration (" + minDuration + ") is longer than max-duration (" + maxDuration + ")");
    }
    if (!interval.addTo(reference).isBefore(min.addTo(reference))) {
      throw new IllegalArgumentException(
          PREFIX + "standup-interval (" + standupInterval + ") must be shorter than min-duration (" + minDuration + ")");
    }
    if (baseline == null) {
      baseline = new Baseline(5, 10);
    }
  }

  IsoPeriod interval() {
    return IsoPeriod.parse(standupInterval);
  }

  IsoPeriod shortest() {
    return IsoPeriod.parse(minDuration);
  }

  IsoPeriod longest() {
    return IsoPeriod.parse(maxDuration);
  }
}
