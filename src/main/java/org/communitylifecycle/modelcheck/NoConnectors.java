package org.communitylifecycle.modelcheck;

import java.util.List;

/**
 * No {@code camunda:connector}: a connector sends requests (HTTP, mail, SOAP) from the server to
 * wherever the model says. Models call a bean open to models instead.
 */
final class NoConnectors implements ModelRule {

  @Override
  public List<Violation> check(Model model) {
    return model.elements().stream()
        .filter(element -> element.isCamundaElement() && element.localName().equals("connector"))
        .map(element -> Violation.at(element, element.describe(null),
            "connectors are not run from models; call a bean open to models instead"))
        .toList();
  }
}
