package org.communitylifecycle.alumni;

import jakarta.servlet.http.HttpServletResponse;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.communitylifecycle.alumni.AlumniDirectory.Listed;
import org.communitylifecycle.alumni.AlumniFeedback.Answers;
import org.communitylifecycle.alumni.AlumniFeedback.FeedbackLink;
import org.communitylifecycle.alumni.AlumniFeedback.LinkState;
import org.communitylifecycle.alumni.AlumniFeedback.Outcome;
import org.communitylifecycle.alumni.AlumniFeedback.WithdrawalLink;
import org.communitylifecycle.engine.AppClock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public pages of the alumni network, server-rendered, no login and no JavaScript: the
 * alumni page, the feedback form behind each resident's link, and the withdrawal page behind
 * each alumnus's link.
 */
@Controller
@RequestMapping("/alumni")
class AlumniPages {

  static final String FEEDBACK_FORM = "feedback";
  static final String WITHDRAWAL_FORM = "withdrawal";
  private static final Pattern HUB_KEY = Pattern.compile("[a-z0-9-]{1,64}");
  private static final String ANSWERED = "Your answer was recorded when you first sent it; nothing more is needed.";
  private static final String WITHDRAWN = "Your details were erased when you first used it; nothing more is needed.";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

  /** One entry of a form's error summary: the field it is about, and what to do. */
  record Problem(String field, String message) {}

  /** Alumni of one hub, as the alumni page shows them. */
  record Hub(String key, String name, List<Listed> alumni) {}

  private final AlumniDirectory directory;
  private final AlumniFeedback feedback;
  private final FormTokens formTokens;

  AlumniPages(AlumniDirectory directory, AlumniFeedback feedback, FormTokens formTokens) {
    this.directory = directory;
    this.feedback = feedback;
    this.formTokens = formTokens;
  }

  @GetMapping
  String everyHub(Model model) {
    model.addAttribute("title", "Our alumni");
    model.addAttribute("hubs", byHub(directory.listed(null)));
    return "alumni/directory";
  }

  @GetMapping("/{hub}")
  String oneHub(@PathVariable String hub, Model model, HttpServletResponse response) {
    Optional<String> name = HUB_KEY.matcher(hub).matches() ? directory.hubName(hub) : Optional.empty();
    if (name.isEmpty()) {
      return message(model, response, 404, "Page not found",
          "There is no hub with this address. The alumni page lists every hub.");
    }
    List<Hub> hubs = byHub(directory.listed(hub));
    model.addAttribute("title", "Alumni of " + name.get());
    model.addAttribute("hubs", hubs.isEmpty() ? List.of(new Hub(hub, name.get(), List.of())) : hubs);
    return "alumni/directory";
  }

  @GetMapping("/feedback/{token}")
  String feedbackForm(@PathVariable String token, Model model, HttpServletResponse response) {
    FeedbackLink link = feedback.feedbackLink(token);
    if (link.state() != LinkState.VALID) {
      return linkNotWorking(link.state(), ANSWERED, model, response);
    }
    return feedbackPage(model, token, link, new Answers(null, null, null, ""), List.of());
  }

  @PostMapping("/feedback/{token}")
  String answer(
      @PathVariable String token,
      @RequestParam(required = false) String store,
      @RequestParam(required = false) String contact,
      @RequestParam(required = false) String list,
      @RequestParam(required = false) String upTo,
      @RequestParam(required = false) String formToken,
      Model model,
      HttpServletResponse response) {
    FeedbackLink link = feedback.feedbackLink(token);
    if (link.state() != LinkState.VALID) {
      return linkNotWorking(link.state(), ANSWERED, model, response);
    }
    Answers answers = new Answers(store, contact, list, upTo == null ? "" : upTo);
    List<Problem> problems = new ArrayList<>();
    AlumniFeedback.problems(answers).forEach((field, message) -> problems.add(new Problem(field, message)));
    if (!formTokens.valid(FEEDBACK_FORM, token, formToken)) {
      problems.add(new Problem("send", "This form has expired. Check your answers and send them again."));
    }
    if (!problems.isEmpty()) {
      response.setStatus(400);
      return feedbackPage(model, token, link, answers, problems);
    }
    Outcome outcome = feedback.answer(token, AlumniFeedback.consent(answers));
    if (outcome.state() != LinkState.VALID) {
      return linkNotWorking(outcome.state(), ANSWERED, model, response);
    }
    model.addAttribute("title", "Thank you");
    model.addAttribute("invitee", link.invitee());
    model.addAttribute("joined", outcome.joined());
    model.addAttribute("withdrawalLink", outcome.withdrawalLink());
    return "alumni/thanks";
  }

  @GetMapping("/withdraw/{token}")
  String withdrawalForm(@PathVariable String token, Model model, HttpServletResponse response) {
    WithdrawalLink link = feedback.withdrawalLink(token);
    if (link.state() != LinkState.VALID) {
      return linkNotWorking(link.state(), WITHDRAWN, model, response);
    }
    return withdrawalPage(model, token, link, List.of());
  }

  @PostMapping("/withdraw/{token}")
  String withdraw(
      @PathVariable String token,
      @RequestParam(required = false) String formToken,
      Model model,
      HttpServletResponse response) {
    WithdrawalLink link = feedback.withdrawalLink(token);
    if (link.state() != LinkState.VALID) {
      return linkNotWorking(link.state(), WITHDRAWN, model, response);
    }
    if (!formTokens.valid(WITHDRAWAL_FORM, token, formToken)) {
      response.setStatus(400);
      return withdrawalPage(model, token, link,
          List.of(new Problem("withdraw", "This page has expired. Press the button again to erase your details.")));
    }
    LinkState state = feedback.withdraw(token);
    if (state != LinkState.VALID) {
      return linkNotWorking(state, WITHDRAWN, model, response);
    }
    model.addAttribute("title", "Your details are erased");
    return "alumni/withdrawn";
  }

  private String feedbackPage(Model model, String token, FeedbackLink link, Answers answers, List<Problem> problems) {
    model.addAttribute("title", (problems.isEmpty() ? "" : "Error: ") + "Stay in touch with " + link.invitee().hubName());
    model.addAttribute("invitee", link.invitee());
    model.addAttribute("expires", DAY.format(link.invitee().expiresAt().atZone(AppClock.zone())));
    model.addAttribute("answers", answers);
    model.addAttribute("problems", problems);
    model.addAttribute("errors", byField(problems));
    model.addAttribute("maxUpTo", AlumniFeedback.MAX_UP_TO);
    model.addAttribute("formToken", formTokens.issue(FEEDBACK_FORM, token));
    model.addAttribute("action", "/alumni/feedback/" + token);
    return "alumni/feedback";
  }

  private String withdrawalPage(Model model, String token, WithdrawalLink link, List<Problem> problems) {
    model.addAttribute("title", (problems.isEmpty() ? "" : "Error: ") + "Your details in the alumni network");
    model.addAttribute("stored", link.stored());
    model.addAttribute("since", DAY.format(link.stored().consentedAt().atZone(AppClock.zone())));
    model.addAttribute("problems", problems);
    model.addAttribute("formToken", formTokens.issue(WITHDRAWAL_FORM, token));
    model.addAttribute("action", "/alumni/withdraw/" + token);
    return "alumni/withdraw";
  }

  private static String linkNotWorking(LinkState state, String whenUsed, Model model, HttpServletResponse response) {
    return switch (state) {
      case USED -> message(model, response, 410, "This link has been used", "Each link works once. " + whenUsed);
      case EXPIRED -> message(model, response, 410, "This link has expired",
          "The invitation was open for a limited time and has closed. Nothing about you was kept. "
              + "If you would still like to join the alumni network, ask your hub host for a new link.");
      default -> message(model, response, 404, "This link is not valid",
          "It may have been copied incompletely, it may have expired, or it has been used already. "
              + "Check that you copied the whole link, or ask your hub host.");
    };
  }

  private static String message(Model model, HttpServletResponse response, int status, String title, String text) {
    response.setStatus(status);
    model.addAttribute("title", title);
    model.addAttribute("message", text);
    return "alumni/message";
  }

  private static Map<String, String> byField(List<Problem> problems) {
    Map<String, String> errors = new LinkedHashMap<>();
    problems.forEach(p -> errors.putIfAbsent(p.field(), p.message()));
    return errors;
  }

  private static List<Hub> byHub(List<Listed> listed) {
    Map<String, Hub> hubs = new LinkedHashMap<>();
    for (Listed alumnus : listed) {
      hubs.computeIfAbsent(alumnus.hubKey(), key -> new Hub(key, alumnus.hubName(), new ArrayList<>()))
          .alumni().add(alumnus);
    }
    return List.copyOf(hubs.values());
  }
}
