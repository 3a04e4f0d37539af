package org.communitylifecycle.contributor;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.communitylifecycle.community.CommunityDirectory;
import org.communitylifecycle.community.CommunityDirectory.Community;
import org.communitylifecycle.contributor.ContributorExceptions.InvalidContributorData;
import org.communitylifecycle.contributor.ContributorViews.Conversion;
import org.communitylifecycle.contributor.ContributorViews.Detail;
import org.communitylifecycle.contributor.ContributorViews.ImportResult;
import org.communitylifecycle.contributor.ContributorViews.Recorded;
import org.communitylifecycle.contributor.ContributorViews.Summary;
import org.communitylifecycle.engine.AppClock;
import org.communitylifecycle.identity.ApiCaller;
import org.communitylifecycle.identity.Teams;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A community's contributors over HTTP, for the community's activator and liaison and the
 * portfolio groups (see {@link CommunityDirectory#mayRead}); contributor data is personal data.
 * Dates are YYYY-MM-DD. See docs/contributors.md.
 */
@RestController
@RequestMapping("/api/communities/{communityKey}/contributors")
class ContributorController {

  /** A new contributor; {@code joinedOn} defaults to today. */
  record NewContributor(String handle, String name, String joinedOn) {}

  /** A contribution: its day, its kind, and optionally a reference such as a link. */
  record NewContribution(String date, String kind, String reference) {}

  /** A leadership or ownership role, from its first day to its last (open-ended without one). */
  record NewRole(String role, String from, String to) {}

  /** The figures stage gates read, as of a day. */
  record Figures(String community, LocalDate since, LocalDate asOf, long contributors, long newContributorsSince,
      long activeContributors, long newCoreMembersSince) {}

  /** Another contributor to merge into this one. */
  record MergeBody(String from) {}

  /** An account to split off as a contributor of its own. */
  record SplitBody(String kind, String value) {}

  /** A caller who may not see the community's contributors. */
  static class Forbidden extends RuntimeException {
    Forbidden(String message) {
      super(message);
    }
  }

  private final ContributorService contributors;
  private final ContributorIdentities identities;
  private final ContributorFigures figures;
  private final CommunityDirectory directory;

  ContributorController(ContributorService contributors, ContributorIdentities identities, ContributorFigures figures,
      CommunityDirectory directory) {
    this.contributors = contributors;
    this.identities = identities;
    this.figures = figures;
    this.directory = directory;
  }

  @GetMapping
  List<Summary> list(@PathVariable String communityKey, @RequestParam(required = false) String tier, ApiCaller caller) {
    readable(communityKey, caller);
    List<Summary> all = contributors.list(communityKey);
    if (tier == null || tier.isBlank()) {
      return all;
    }
    if (Tier.ofId(tier.trim()).isEmpty()) {
      throw new InvalidContributorData("Unknown tier", List.of(new ContributorProblem(null, "tier",
          "tier '" + tier + "' is not one of " + Tier.ids())));
    }
    return all.stream().filter(s -> s.tier().equals(tier.trim())).toList();
  }

  /** Contributors who may be one person, most alike first (docs/sources.md). */
  @GetMapping("/duplicates")
  List<ContributorViews.PossibleDuplicate> duplicates(@PathVariable String communityKey,
      @RequestParam(required = false, defaultValue = "50") int limit, ApiCaller caller) {
    readable(communityKey, caller);
    if (limit < 1 || limit > 500) {
      throw new InvalidContributorData("Bad query", List.of(new ContributorProblem(null, "limit",
          "limit must be between 1 and 500, got " + limit)));
    }
    return identities.possibleDuplicates(communityKey, limit);
  }

  /** Merges the contributor named in the body into this one; the body's handle is gone afterwards. */
  @PostMapping("/{handle}/merge")
  Detail merge(@PathVariable String communityKey, @PathVariable String handle, @RequestBody MergeBody body,
      ApiCaller caller) {
    readable(communityKey, caller);
    if (body.from() == null || body.from().isBlank()) {
      throw new InvalidContributorData("Nothing was merged", List.of(new ContributorProblem(null, "from",
          "from is missing: give the handle of the contributor to merge into '" + handle + "'")));
    }
    return identities.merge(communityKey, handle, body.from().trim());
  }

  /** Splits one account off this contributor, as a contributor of its own: 201 with the new one. */
  @PostMapping("/{handle}/split")
  ResponseEntity<Detail> split(@PathVariable String communityKey, @PathVariable String handle,
      @RequestBody SplitBody body, ApiCaller caller) {
    readable(communityKey, caller);
    Detail created = identities.split(communityKey, handle, body.kind(), body.value(), caller.userId());
    return ResponseEntity.created(URI.create("/api/communities/" + communityKey + "/contributors/" + created.handle()))
        .body(created);
  }

  /** Records that this contributor and the one in the body are two people: not offered as duplicates again. */
  @PostMapping("/{handle}/distinct")
  ResponseEntity<Void> distinct(@PathVariable String communityKey, @PathVariable String handle, @RequestBody MergeBody body,
      ApiCaller caller) {
    readable(communityKey, caller);
    if (body.from() == null || body.from().isBlank()) {
      throw new InvalidContributorData("Nothing was recorded", List.of(new ContributorProblem(null, "from",
          "from is missing: give the handle of the contributor who is not '" + handle + "'")));
    }
    identities.markDistinct(communityKey, handle, body.from().trim(), caller.userId());
    return ResponseEntity.noContent().build();
  }

  /** Erases a person: their record, accounts and contributions; their accounts are not synced again. */
  @DeleteMapping("/{handle}")
  ResponseEntity<Void> erase(@PathVariable String communityKey, @PathVariable String handle, ApiCaller caller) {
    readable(communityKey, caller);
    identities.erase(communityKey, handle);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/{handle}")
  Detail get(@PathVariable String communityKey, @PathVariable String handle, ApiCaller caller) {
    readable(communityKey, caller);
    return contributors.get(communityKey, handle);
  }

  @PostMapping
  ResponseEntity<Detail> create(@PathVariable String communityKey, @RequestBody NewContributor body, ApiCaller caller) {
    readable(communityKey, caller);
    Detail created = contributors.create(communityKey, body.handle(), body.name(), body.joinedOn());
    return ResponseEntity.created(URI.create("/api/communities/" + communityKey + "/contributors/" + created.handle()))
        .body(created);
  }

  @PostMapping("/{handle}/activities")
  ResponseEntity<Recorded> addContribution(@PathVariable String communityKey, @PathVariable String handle,
      @RequestBody NewContribution body, ApiCaller caller) {
    readable(communityKey, caller);
    return answer(contributors.addContribution(communityKey, handle, body.date(), body.kind(), body.reference()));
  }

  @PostMapping("/{handle}/roles")
  ResponseEntity<Recorded> addRole(@PathVariable String communityKey, @PathVariable String handle,
      @RequestBody NewRole body, ApiCaller caller) {
    readable(communityKey, caller);
    return answer(contributors.addRole(communityKey, handle, body.role(), body.from(), body.to()));
  }

  /** 201 when something was added, 200 when it was on record already. */
  private static ResponseEntity<Recorded> answer(Recorded recorded) {
    return ResponseEntity.status(recorded.added() ? HttpStatus.CREATED : HttpStatus.OK).body(recorded);
  }

  @GetMapping("/conversions")
  List<Conversion> conversions(@PathVariable String communityKey, @RequestParam(required = false) String since,
      @RequestParam(required = false) String until, ApiCaller caller) {
    readable(communityKey, caller);
    List<ContributorProblem> problems = new ArrayList<>();
    ContributorRules.Place place = new ContributorRules.Place(null, problems);
    LocalDate from = ContributorRules.date(since, "since", place);
    LocalDate to = ContributorRules.date(until, "until", place);
    if (!problems.isEmpty()) {
      throw new InvalidContributorData("Bad query", problems);
    }
    return contributors.conversions(communityKey, from, to);
  }

  @GetMapping("/figures")
  Figures figures(@PathVariable String communityKey, @RequestParam String since,
      @RequestParam(required = false) String asOf, ApiCaller caller) {
    readable(communityKey, caller);
    List<ContributorProblem> problems = new ArrayList<>();
    ContributorRules.Place place = new ContributorRules.Place(null, problems);
    LocalDate from = ContributorRules.requiredDate(since, "since", "the first day new contributors count from", place);
    LocalDate day = ContributorRules.date(asOf, "asOf", place);
    if (!problems.isEmpty()) {
      throw new InvalidContributorData("Bad query", problems);
    }
    LocalDate on = day == null ? AppClock.today() : day;
    return new Figures(communityKey, from, on, figures.contributors(communityKey),
        figures.newContributorsSince(communityKey, from), figures.activeContributors(communityKey, on),
        figures.newCoreMembersSince(communityKey, from));
  }

  @PostMapping(path = "/import", consumes = {"text/csv", "text/plain"})
  ImportResult importCsv(@PathVariable String communityKey, @RequestBody(required = false) String csv, ApiCaller caller) {
    readable(communityKey, caller);
    return contributors.importCsv(communityKey, csv);
  }

  private void readable(String communityKey, ApiCaller caller) {
    Community community = contributors.community(communityKey);
    if (!directory.mayRead(caller.userId(), caller.groupIds(), community)) {
      throw new Forbidden("'" + caller.userId() + "' may not see the contributors of '" + communityKey
          + "': they are personal data, open to the community's teams (the groups " + Teams.Kind.ACTIVATORS.groupId(communityKey) + " and "
          + Teams.Kind.LIAISONS.groupId(communityKey) + ") and to the groups "
          + String.join(", ", CommunityDirectory.PORTFOLIO_GROUPS));
    }
  }
}
