package org.communitylifecycle.notification;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.communitylifecycle.notification.UnsubscribeTokens.Subscription;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page behind the unsubscribe link of every mail; public, since whoever holds the signed link
 * may use it. Opening the link only asks: link scanners and previews open links, and must not
 * unsubscribe anyone. The button POSTs, as a mail client's own unsubscribe button does
 * (RFC 8058, with the token in the URL); the token is the proof, so no form token is needed.
 */
@Controller
@RequestMapping("/mail/unsubscribe")
class UnsubscribePage {

  private final UnsubscribeTokens tokens;
  private final MailOptOuts optOuts;

  UnsubscribePage(UnsubscribeTokens tokens, MailOptOuts optOuts) {
    this.tokens = tokens;
    this.optOuts = optOuts;
  }

  @GetMapping
  String confirm(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
    Optional<Subscription> subscription = tokens.verify(token);
    if (subscription.isEmpty()) {
      return notValid(model, response);
    }
    describe(subscription.get(), model);
    model.addAttribute("token", token);
    return "mail/unsubscribe";
  }

  @PostMapping
  String unsubscribe(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
    Optional<Subscription> subscription = tokens.verify(token);
    if (subscription.isEmpty()) {
      return notValid(model, response);
    }
    optOuts.optOut(subscription.get().userId(), subscription.get().kind());
    describe(subscription.get(), model);
    return "mail/unsubscribed";
  }

  private static void describe(Subscription subscription, Model model) {
    model.addAttribute("user", subscription.userId());
    model.addAttribute("kind", subscription.kind().key());
    model.addAttribute("what", switch (subscription.kind()) {
      case ASSIGNMENT -> "mail about tasks assigned to you or your groups";
      case ESCALATION -> "mail about escalations of stalled work";
      case DIGEST -> "the weekly digest of stalled milestones";
    });
  }

  private static String notValid(Model model, HttpServletResponse response) {
    response.setStatus(400);
    model.addAttribute("title", "This link is not valid");
    model.addAttribute("message", "It may have been copied incompletely. Copy the whole link from the mail, "
        + "or sign in and choose your mail at /api/me/mail-preferences.");
    return "mail/message";
  }
}
