// Helpers shared by the rules. They read camunda:* settings whether or not the diagram was
// parsed with the Camunda moddle extension (with it they are properties, without it $attrs).

/** The value of camunda:<name> on an element, or undefined. */
function camunda(node, name) {
  let value;
  try {
    value = node.get('camunda:' + name);
  } catch (e) {
    value = undefined;
  }
  if (value === undefined && typeof node.$type === 'string' && node.$type.startsWith('camunda:')) {
    value = node[name];
  }
  if (value === undefined && node.$attrs) {
    value = node.$attrs['camunda:' + name];
  }
  return value;
}

/** The text is, or holds, a JUEL expression: ${...} or #{...}. */
function isExpression(text) {
  return typeof text === 'string' && /[$#]\{[^}]*\}/.test(text);
}

function isBlank(text) {
  return text === undefined || text === null || String(text).trim() === '';
}

/** The extension elements of an element, whatever their type. */
function extensionValues(node) {
  const ext = node.extensionElements;
  return (ext && ext.values) || [];
}

module.exports = { camunda, isExpression, isBlank, extensionValues };
