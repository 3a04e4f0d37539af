package org.communitylifecycle.modelcheck;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reads a model file into its elements, with line numbers; never resolves DTDs or external entities. */
final class ModelReader {

  private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

  static {
    FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    FACTORY.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
  }

  private ModelReader() {}

  /** The model's elements; a file that is not well-formed XML fails with the line of the fault. */
  static Model read(String resource, Model.Kind kind, byte[] content) throws XMLStreamException {
    List<ModelElement> elements = new ArrayList<>();
    // The elements not yet closed, innermost first, each with its text so far.
    Deque<Open> open = new ArrayDeque<>();
    XMLStreamReader xml = FACTORY.createXMLStreamReader(new ByteArrayInputStream(content));
    try {
      while (xml.hasNext()) {
        switch (xml.next()) {
          case XMLStreamConstants.START_ELEMENT -> {
            Map<QName, String> attributes = new LinkedHashMap<>();
            for (int i = 0; i < xml.getAttributeCount(); i++) {
              attributes.put(xml.getAttributeName(i), xml.getAttributeValue(i));
            }
            String id = attributes.get(new QName("id"));
            String ownerId = id != null ? id : open.isEmpty() ? "" : open.peek().ownerId;
            open.push(new Open(xml.getName(), attributes, ownerId, xml.getLocation().getLineNumber()));
          }
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
            if (!open.isEmpty()) {
              open.peek().text.append(xml.getText());
            }
          }
          case XMLStreamConstants.END_ELEMENT -> elements.add(open.pop().close());
          default -> {
            // comments, processing instructions and whitespace say nothing the engine runs
          }
        }
      }
    } finally {
      xml.close();
    }
    elements.sort((a, b) -> Integer.compare(a.line(), b.line()));
    return new Model(resource, kind, elements);
  }

  private static final class Open {
    final QName name;
    final Map<QName, String> attributes;
    final String ownerId;
    final int line;
    final StringBuilder text = new StringBuilder();

    Open(QName name, Map<QName, String> attributes, String ownerId, int line) {
      this.name = name;
      this.attributes = attributes;
      this.ownerId = ownerId;
      this.line = line;
    }

    ModelElement close() {
      return new ModelElement(name, Collections.unmodifiableMap(attributes), text.toString().trim(), ownerId, line);
    }
  }
}
