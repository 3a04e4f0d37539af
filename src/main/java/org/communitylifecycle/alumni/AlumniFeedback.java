package org.communitylifecycle.alumni;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.communitylifecycle.engine.AppClock;
import org.communitylifecycle.alumni.AlumniDirectory.Alumnus;
import org.communitylifecycle.alumni.AlumniDirectory.Cohort;
import org.communitylifecycle.alumni.AlumniDirectory.Invitation;
import org.communitylifecycle.alumni.AlumniDirectory.Token;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * What residents and alumni do through their links, without logging in: answer the feedback
 * invitation, look at what is stored about them, withdraw. Each link's token serves one
 * purpose and works once.
 */
@Service
public class AlumniFeedback {

  static final String WITHDRAW_PATH = "/alumni/withdraw/";
  static final int MAX_UP_TO = 500;
  private static final int ATTEMPTS = 3;
  private static final Logger log = LoggerFactory.getLogger(AlumniFeedback.class);

  /** Where a link stands. */
  public enum LinkState { VALID, USED, EXPIRED, UNKNOWN }

  /** The resident an open invitation is for. */
  public record Invitee(String name, String email, String hubName, String cohortName, Instant expiresAt) {}

  public record FeedbackLink(LinkState state, Invitee invitee) {}

  /** The answers of the feedback form as posted: "yes", "no" or nothing. */
  public record Answers(String store, String contact, String list, String upTo) {}

  /** Valid answers. */
  public record Consent(boolean store, boolean contact, boolean list, String upTo) {}

  /** What answering did: joined, with the link to withdraw, or declined; or the link did not work. */
  public record Outcome(LinkState state, boolean joined, String withdrawalLink) {}

  /** What is stored about an alumnus, shown before they withdraw. */
  public record Stored(
      String name, String email, String hubName, String cohortName, String upTo, boolean mayContact, boolean mayList,
      Instant consentedAt) {}

  public record WithdrawalLink(LinkState state, Stored stored) {}

  private final AlumniDirectory directory;
  private final RuntimeService runtime;
  private final PersonalDataEraser eraser;
  private final AlumniProperties properties;
  private final TransactionOperations transactions;

  public AlumniFeedback(
      AlumniDirectory directory, RuntimeService runtime, PersonalDataEraser eraser, AlumniProperties properties,
      TransactionOperations transactions) {
    this.directory = directory;
    this.runtime = runtime;
    this.eraser = eraser;
    this.properties = properties;
    this.transactions = transactions;
  }

  /**
   * Checks the answers: storage must be answered; being contacted or listed, and what one is up
   * to, need storage. Returns the problems by field, in the form's order; empty when valid.
   */
  public static Map<String, String> problems(Answers answers) {
    Map<String, String> problems = new LinkedHashMap<>();
    Boolean store = yesNo(answers.store());
    Boolean contact = yesNo(answers.contact());
    Boolean list = yesNo(answers.list());
    String upTo = answers.upTo() == null ? "" : answers.upTo().strip();
    if (store == null) {
      problems.put("store", "Say whether we may store your details");
    }
    if (Boolean.TRUE.equals(store)) {
      if (contact == null) {
        problems.put("contact", "Say whether we may contact you about reunions and opportunities");
      }
      if (list == null) {
        problems.put("list", "Say whether we may list you on the alumni page");
      }
    }
    if (Boolean.FALSE.equals(store)) {
      if (Boolean.TRUE.equals(contact)) {
        problems.put("contact", "To contact you we need to store your email: answer yes to storing your details, or no here");
      }
      if (Boolean.TRUE.equals(list)) {
        problems.put("list", "To list you we need to store your name: answer yes to storing your details, or no here");
      }
      if (!upTo.isEmpty()) {
        problems.put("upTo", "We can only keep what you are up to if we may store your details: clear this box, or answer yes to storing");
      }
    }
    if (upTo.length() > MAX_UP_TO) {
      problems.put("upTo", "What you are up to can be at most " + MAX_UP_TO + " characters; it has " + upTo.length());
    } else if (upTo.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
      problems.put("upTo", "What you are up to contains characters that cannot be shown; remove them");
    }
    return problems;
  }

  /** Valid answers as a consent; call {@link #problems} first. */
  public static Consent consent(Answers answers) {
    boolean store = Boolean.TRUE.equals(yesNo(answers.store()));
    String upTo = answers.upTo() == null ? "" : answers.upTo().strip();
    return new Consent(store, store && Boolean.TRUE.equals(yesNo(answers.contact())),
        store && Boolean.TRUE.equals(yesNo(answers.list())), store && !upTo.isEmpty() ? upTo : null);
  }

  public FeedbackLink feedbackLink(String token) {
    if (!AlumniTokens.wellFormed(token)) {
      return new FeedbackLink(LinkState.UNKNOWN, null);
    }
    Optional<Token> found = directory.token(AlumniTokens.hash(token), AlumniDirectory.FEEDBACK);
    if (found.isEmpty()) {
      return new FeedbackLink(LinkState.UNKNOWN, null);
    }
    Optional<Invitation> invitation = found.flatMap(t -> Optional.ofNullable(t.invitationId())).flatMap(directory::invitation);
    LinkState state = state(found.get(), invitation);
    if (state != LinkState.VALID) {
      return new FeedbackLink(state, null);
    }
    Invitation open = invitation.get();
    Cohort cohort = directory.cohort(open.cohortId()).orElseThrow();
    return new FeedbackLink(LinkState.VALID,
        new Invitee(open.name(), open.email(), cohort.hubName(), cohort.cohortName(), open.expiresAt()));
  }

  /**
   * Records a resident's answer: with consent to storage they join the directory and get a link
   * to withdraw; without it nothing about them is added, and the invitation's process erases
   * what it held. Either way the invitation's process hears about it, by id only.
   */
  public Outcome answer(String token, Consent consent) {
    if (!AlumniTokens.wellFormed(token)) {
      return new Outcome(LinkState.UNKNOWN, false, null);
    }
    String hash = AlumniTokens.hash(token);
    return retried(() -> transactions.execute(status -> {
      Optional<Token> found = directory.token(hash, AlumniDirectory.FEEDBACK);
      if (found.isEmpty()) {
        return new Outcome(LinkState.UNKNOWN, false, null);
      }
      Optional<Invitation> invitation = Optional.ofNullable(found.get().invitationId()).flatMap(directory::invitation);
      LinkState state = state(found.get(), invitation);
      Instant now = AppClock.now();
      if (state != LinkState.VALID || !directory.useToken(hash, now)) {
        return new Outcome(state == LinkState.VALID ? LinkState.USED : state, false, null);
      }
      Invitation open = invitation.get();
      Cohort cohort = directory.cohort(open.cohortId()).orElseThrow();
      String withdrawalLink = null;
      if (consent.store()) {
        long alumnus = directory.addAlumnus(cohort.id(), open.id(), open.name(), open.email(), consent.upTo(),
            consent.contact(), consent.list(), now);
        String withdrawal = AlumniTokens.newToken();
        directory.insertToken(AlumniTokens.hash(withdrawal), AlumniDirectory.WITHDRAWAL, null, alumnus, null, now);
        withdrawalLink = properties.publicBaseUrl() + WITHDRAW_PATH + withdrawal;
      }
      String answer = consent.store() ? AlumniDirectory.JOINED : AlumniDirectory.DECLINED;
      directory.answerInvitation(open.id(), answer, now);
      tellProcess(cohort.processInstanceId(), open.id());
      log.info("Invitation {} of cohort {} answered: {}", open.id(), cohort.id(), answer);
      return new Outcome(LinkState.VALID, consent.store(), withdrawalLink);
    }));
  }

  public WithdrawalLink withdrawalLink(String token) {
    if (!AlumniTokens.wellFormed(token)) {
      return new WithdrawalLink(LinkState.UNKNOWN, null);
    }
    Optional<Token> found = directory.token(AlumniTokens.hash(token), AlumniDirectory.WITHDRAWAL);
    if (found.isEmpty()) {
      return new WithdrawalLink(LinkState.UNKNOWN, null);
    }
    if (found.get().usedAt() != null || found.get().alumnusId() == null) {
      return new WithdrawalLink(LinkState.USED, null);
    }
    Optional<Alumnus> alumnus = directory.alumnus(found.get().alumnusId());
    if (alumnus.isEmpty()) {
      return new WithdrawalLink(LinkState.USED, null);
    }
    Alumnus a = alumnus.get();
    Cohort cohort = directory.cohort(a.cohortId()).orElseThrow();
    return new WithdrawalLink(LinkState.VALID, new Stored(a.name(), a.email(), cohort.hubName(), cohort.cohortName(),
        a.upTo(), a.mayContact(), a.mayList(), a.consentedAt()));
  }

  /**
   * Withdraws an alumnus: their entry, their links, and every mention of their name or email in
   * the alumni network's processes and history are erased. Returns VALID when done.
   */
  public LinkState withdraw(String token) {
    if (!AlumniTokens.wellFormed(token)) {
      return LinkState.UNKNOWN;
    }
    String hash = AlumniTokens.hash(token);
    return retried(() -> transactions.execute(status -> {
      Optional<Token> found = directory.token(hash, AlumniDirectory.WITHDRAWAL);
      if (found.isEmpty()) {
        return LinkState.UNKNOWN;
      }
      Long alumnusId = found.get().alumnusId();
      Optional<Alumnus> alumnus = alumnusId == null ? Optional.empty() : directory.alumnus(alumnusId);
      if (found.get().usedAt() != null || alumnus.isEmpty() || !directory.useToken(hash, AppClock.now())) {
        return LinkState.USED;
      }
      Alumnus a = alumnus.get();
      eraser.erase(List.of(a.name(), a.email()), null);
      if (a.invitationId() != null) {
        directory.forgetInvitee(a.invitationId());
      }
      directory.deleteAlumnus(a.id());
      log.info("Alumnus {} of cohort {} withdrew; their data is erased", a.id(), a.cohortId());
      return LinkState.VALID;
    }));
  }

  /** Tells the invitation's waiting instance of the cohort's process, by the invitation's id only. */
  private void tellProcess(String processInstanceId, long invitationId) {
    if (processInstanceId == null) {
      return;
    }
    AlumniNetworkContract.feedbackGiven(runtime, processInstanceId, invitationId);
  }

  private static LinkState state(Token token, Optional<Invitation> invitation) {
    if (token.usedAt() != null || invitation.isEmpty() || !AlumniDirectory.OPEN.equals(invitation.get().status())) {
      return LinkState.USED;
    }
    Instant expires = invitation.get().expiresAt();
    if (expires != null && !AppClock.now().isBefore(expires)) {
      return LinkState.EXPIRED;
    }
    return LinkState.VALID;
  }

  /** A resident and the engine's timers or a host may touch the same process at once; the loser tries again. */
  private static <T> T retried(Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return work.get();
      } catch (OptimisticLockingException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
        log.debug("Concurrent change, attempt {} of {} again", attempt + 1, ATTEMPTS);
      }
    }
  }

  private static Boolean yesNo(String value) {
    if ("yes".equals(value)) {
      return true;
    }
    if ("no".equals(value)) {
      return false;
    }
    return null;
  }
}
