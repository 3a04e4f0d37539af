package org.communitylifecycle.alumni;

import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.communitylifecycle.engine.AppClock;
import org.communitylifecycle.alumni.AlumniDirectory.Invitation;
import org.communitylifecycle.engine.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Feedback invitations, from issuing the links to closing each one: answered, declined or
 * lapsed. There is no mail server: the links are shown to the hub host, who sends them.
 */
@Component("alumniInvitations")
public class AlumniInvitations {

  static final String FEEDBACK_PATH = "/alumni/feedback/";
  /** The engine keeps a text variable in a column of 4000 characters; the host's list must fit. */
  static final int MAX_TEXT = 4000;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm", Locale.ENGLISH);

  private final AlumniDirectory directory;
  private final AlumniProperties properties;
  private final PersonalDataEraser eraser;

  public AlumniInvitations(AlumniDirectory directory, AlumniProperties properties, PersonalDataEraser eraser) {
    this.directory = directory;
    this.properties = properties;
    this.eraser = eraser;
  }

  /**
   * Gives every resident of the cohort a link of their own, valid for the configured period. The
   * links exist in clear only in the variable the host's task shows, which never reaches history.
   */
  public void issue(DelegateExecution execution) {
    AlumniNetworkContract contract = AlumniNetworkContract.of(execution);
    long cohortId = contract.cohortId();
    Date now = AppClock.date();
    Date expires = AlumniProperties.after(contract.invitationValidFor(), now);
    StringBuilder links = new StringBuilder();
    for (Invitation invitation : directory.invitations(cohortId, AlumniDirectory.SCHEDULED)) {
      String token = AlumniTokens.newToken();
      directory.openInvitation(invitation.id(), AlumniTokens.hash(token), expires.toInstant(), now.toInstant());
      links.append(line(invitation.name(), invitation.email(), properties.publicBaseUrl() + FEEDBACK_PATH + token)).append('\n');
    }
    contract.invitationsIssued(expires, DAY.format(expires.toInstant().atZone(AppClock.zone())), links.toString().strip());
  }

  /**
   * How long the host's list of links for these residents will be: a token has a fixed length,
   * so this is known before any is issued.
   */
  int linksLength(List<Resident> residents) {
    String link = properties.publicBaseUrl() + FEEDBACK_PATH + "x".repeat(AlumniTokens.newToken().length());
    return residents.stream().mapToInt(r -> line(r.name(), r.email(), link).length() + 1).sum() - 1;
  }

  private static String line(String name, String email, String link) {
    return name + " <" + email + ">: " + link;
  }

  /** The collection of the multi-instance "await feedback": one element per open invitation. */
  public List<Long> openIds(DelegateExecution execution) {
    return directory.invitationIds(AlumniNetworkContract.of(execution).cohortId(), AlumniDirectory.OPEN);
  }

  /** Completion of "Send alumni invitations": the host confirms. */
  public void confirmSent(DelegateTask task) {
    if (!AlumniNetworkContract.of(task).invitationsSent()) {
      throw new InvalidInputException(
          "Tick 'I have sent every invitation' (invitationsSent) once each resident has their link");
    }
  }

  /** End of "Send alumni invitations", completed or timed out: the links in clear are gone. */
  public void forgetLinks(DelegateExecution execution) {
    AlumniNetworkContract.of(execution).forgetInvitationLinks();
  }

  /** Gateway condition: whether the resident consented to storage and joined the directory. */
  public boolean joined(DelegateExecution execution) {
    return directory.invitation(invitationId(execution))
        .map(invitation -> AlumniDirectory.JOINED.equals(invitation.status())).orElse(false);
  }

  /** A resident joined: their details are in the directory; the invitation forgets them. */
  public void close(DelegateExecution execution) {
    directory.invitation(invitationId(execution)).ifPresent(invitation -> {
      dropLink(execution, invitation);
      directory.forgetInvitee(invitation.id());
    });
  }

  /** A resident declined: nothing of theirs is kept, in the tables or the engine. */
  public void eraseDeclined(DelegateExecution execution) {
    directory.invitation(invitationId(execution)).ifPresent(invitation -> {
      eraser.erase(List.of(nullToEmpty(invitation.name()), nullToEmpty(invitation.email())), execution.getProcessInstanceId());
      directory.forgetInvitee(invitation.id());
    });
  }

  /** An invitation was not answered in time: its link stops working and nothing of the resident is kept. */
  public void lapse(DelegateExecution execution) {
    directory.invitation(invitationId(execution)).ifPresent(invitation -> {
      eraser.erase(List.of(nullToEmpty(invitation.name()), nullToEmpty(invitation.email())), execution.getProcessInstanceId());
      directory.lapseInvitation(invitation.id());
    });
  }

  private static void dropLink(DelegateExecution execution, Invitation invitation) {
    AlumniNetworkContract contract = AlumniNetworkContract.of(execution);
    String links = contract.invitationLinks();
    if (links != null && invitation.email() != null) {
      PersonalText person = new PersonalText(List.of(invitation.email()));
      if (person.mentions(links)) {
        contract.invitationLinks(person.withoutLinesMentioning(links));
      }
    }
  }

  private static long invitationId(DelegateExecution execution) {
    return AlumniNetworkContract.of(execution).invitationId();
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
