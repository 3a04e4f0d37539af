package org.communitylifecycle.modelcheck;

import java.util.Map;
import java.util.Set;
import javax.xml.namespace.QName;

/**
 * One XML element of a model, as the rules see it.
 *
 * @param name the element's namespace and local name
 * @param attributes the element's attributes by qualified name; unqualified ones have no namespace
 * @param text the element's own text, trimmed; empty when it has none
 * @param ownerId the id of the element or, when it has none (a listener, a script), of the nearest enclosing element with one
 * @param line where the element starts in the file
 */
record ModelElement(QName name, Map<QName, String> attributes, String text, String ownerId, int line) {

  /** The Camunda extension namespace of BPMN. */
  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

  /** Camunda's extension namespaces: the engine still reads the Activiti one as Camunda's. */
  private static final Set<String> CAMUNDA_NAMESPACES =
      Set.of(CAMUNDA, "http://activiti.org/bpmn", "http://camunda.org/schema/1.0/dmn");

  public String localName() {
    return name.getLocalPart();
  }

  public boolean isCamundaElement() {
    return isCamunda(name.getNamespaceURI());
  }

  /**
   * A Camunda setting of the element: {@code camunda:class} on a BPMN element, plain {@code class}
   * on a Camunda element such as {@code camunda:taskListener}; null when absent.
   */
  public String camundaAttribute(String localName) {
    if (isCamundaElement()) {
      String plain = attributes.get(new QName(localName));
      if (plain != null) {
        return plain;
      }
    }
    for (Map.Entry<QName, String> attribute : attributes.entrySet()) {
      if (attribute.getKey().getLocalPart().equals(localName) && isCamunda(attribute.getKey().getNamespaceURI())) {
        return attribute.getValue();
      }
    }
    return null;
  }

  /** How a person finds the setting in the file, such as {@code camunda:class} or {@code camunda:taskListener/@class}. */
  public String describe(QName attribute) {
    String element = (isCamundaElement() ? "camunda:" : "") + localName();
    if (attribute == null) {
      return element;
    }
    if (isCamunda(attribute.getNamespaceURI())) {
      return "camunda:" + attribute.getLocalPart();
    }
    return element + "/@" + attribute.getLocalPart();
  }

  /** The QName of {@link #camundaAttribute(String)} as the element spells it. */
  public QName camundaAttributeName(String localName) {
    return isCamundaElement() && attributes.containsKey(new QName(localName))
        ? new QName(localName)
        : new QName(CAMUNDA, localName);
  }

  private static boolean isCamunda(String namespace) {
    return CAMUNDA_NAMESPACES.contains(namespace);
  }
}
