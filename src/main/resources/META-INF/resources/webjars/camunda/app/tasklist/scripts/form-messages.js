// Messages of Tasklist's Camunda Forms that say what is wrong and what to do. A plain ES module
// loaded through customScripts in scripts/config.js, before Tasklist starts; no build step.
//
// 1. A form that cannot be loaded. Tasklist 7.24 fetches a Camunda Form from
//    .../task/{id}/deployed-form (.../deployed-start-form for a start form) and, on any answer but
//    200, shows "Form failure:" followed by the answer's reason phrase, which Tomcat does not send:
//    the box was bare. fetch is wrapped for these addresses only: a failed answer gets, as its
//    status text, what went wrong (the server's message) and who can fix it. Any other bare
//    "Form failure:" box (the task's form data could not be read) gets a general explanation.
// 2. The message of a pattern. form-js 1.8.7, the version Tasklist 7.24 bundles, says "Field must
//    match pattern <the regular expression>." and has no setting for a message of one's own. A
//    field may carry its message in the form file, as the custom property patternMessage (the
//    Modeler's "Custom properties"); it replaces form-js's text under that field. Without this
//    script the field's description still says what is expected.
// 3. Complete pressed while fields are marked. Tasklist then shows "An error happened while
//    submitting the task form" with no message; it gets one naming the marked fields.

const FORM_ADDRESS = /\/(deployed-form|deployed-start-form)(\?|$)/;
const PATTERN_ERROR = /^Field must match pattern (.*)\.$/;

/** Pattern (as written in a form's validate.pattern) -> the message its field gives. */
const patternMessages = new Map();

const WHO_FIXES_FORMS = 'This is not something you did wrong: the process model names a form that the server '
  + 'does not have. Tell a process designer (group process-designers), who deploys the form with the process; '
  + 'the task stays open until then.';

/** What a failed form request means for the person, by its status and the server's message. */
function failureMessage(status, serverMessage) {
  // The engine says "No Camunda Form Definition was found for Camunda Form Ref: CamundaFormRefImpl [key=x, ...]".
  const formKey = /FormRefImpl \[key=([^,\]]+)/.exec(serverMessage || '');
  const detail = formKey ? ` (the form '${formKey[1]}' is not deployed)`
    : serverMessage ? ` (${serverMessage.replace(/[.\s]+$/, '')})` : '';
  if (status === 404 && formKey) {
    return `The form of this task could not be found${detail}. ${WHO_FIXES_FORMS}`;
  }
  if (status === 404) {
    return `The form of this task could not be found${detail}. If the task was completed meanwhile, reload `
      + 'the list; otherwise tell a process designer (group process-designers).';
  }
  if (status === 401) {
    return 'Your session has ended. Log in again to open this form.';
  }
  if (status === 403) {
    return `You may not open the form of this task${detail}. Claim the task first, or ask the community's `
      + 'liaison to assign it to you.';
  }
  if (status === 503) {
    return `The server cannot reach its database right now${detail}. Reload the page in a minute.`;
  }
  return `The form of this task could not be loaded (status ${status}${detail}). Reload the page; if this `
    + 'stays, tell a process designer (group process-designers) or the operators, with the time it happened.';
}

/** A status text may only hold printable Latin-1 characters: anything else becomes a plain equivalent or '?'. */
function statusText(text) {
  return text
    .replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"').replace(/\u2026/g, '...')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/[^\t\x20-\x7E\xA0-\xFF]/g, '?');
}

async function serverMessage(response) {
  try {
    const body = await response.clone().json();
    return typeof body.message === 'string' ? body.message : null;
  } catch (e) {
    return null;
  }
}

/** Collects the patternMessage of every field that has a pattern, in groups too. */
function collectPatternMessages(components) {
  for (const component of components || []) {
    const pattern = component.validate && component.validate.pattern;
    const message = component.properties && component.properties.patternMessage;
    if (typeof pattern === 'string' && typeof message === 'string' && message.trim()) {
      patternMessages.set(pattern, message.trim());
    }
    collectPatternMessages(component.components);
  }
}

const originalFetch = window.fetch.bind(window);

window.fetch = async function fetchWithFormMessages(input, init) {
  const address = typeof input === 'string' ? input : (input && input.url) || '';
  if (!FORM_ADDRESS.test(address)) {
    return originalFetch(input, init);
  }
  let response;
  try {
    response = await originalFetch(input, init);
  } catch (e) {
    throw new Error('The form could not be loaded: the server did not answer. Check your connection and reload the page.');
  }
  if (response.status !== 200) {
    const message = failureMessage(response.status, await serverMessage(response));
    return new Response(null, { status: response.status, statusText: statusText(message) });
  }
  let schema;
  try {
    schema = await response.clone().json();
  } catch (e) {
    const message = 'The form of this task is not a Camunda Form the browser can read (its file is not JSON). '
      + WHO_FIXES_FORMS.replace('names a form that the server does not have', 'has a broken form file');
    return new Response(null, { status: 502, statusText: statusText(message) });
  }
  collectPatternMessages(schema && schema.components);
  return response;
};

// --- the messages in the page -------------------------------------------------------------------

const BARE_FAILURE = 'The form of this task could not be loaded. Reload the page; if this stays, tell a process '
  + 'designer (group process-designers) or the operators, with the time it happened.';

/** form-js's pattern message under a field, replaced by the field's own; the text node only, so Preact keeps it. */
function replacePatternMessages(root) {
  for (const item of root.querySelectorAll('.fjs-form-field-error li')) {
    const text = item.firstChild;
    if (!text || text.nodeType !== Node.TEXT_NODE) continue;
    const match = PATTERN_ERROR.exec(text.data);
    if (match && patternMessages.has(match[1])) {
      text.data = patternMessages.get(match[1]);
    }
  }
}

/** Whether an element is on screen: Tasklist keeps its boxes in the page and hides them (ng-show). */
const shown = (element) => element.getClientRects().length > 0;

/**
 * Writes the text into the element's own text node, which AngularJS keeps updating: a message
 * Tasklist sets later still replaces it.
 */
function setText(element, text) {
  const node = element.firstChild;
  if (node && node.nodeType === Node.TEXT_NODE && element.childNodes.length === 1) {
    node.data = text;
  } else {
    element.textContent = text;
  }
}

/** A "Form failure:" box on screen with nothing after it gets a message. */
function fillBareFailures(root) {
  for (const alert of root.querySelectorAll('.alert-danger')) {
    const status = alert.querySelector('.status');
    const message = alert.querySelector('.message');
    if (status && message && shown(alert) && /Form failure/.test(status.textContent) && !message.textContent.trim()) {
      setText(message, BARE_FAILURE);
    }
  }
}

/** The marked fields of the form on the page, as "Label: message". */
function markedFields() {
  const fields = [];
  for (const error of document.querySelectorAll('.fjs-form-field-error')) {
    const field = error.closest('.fjs-form-field');
    const label = field && field.querySelector('.fjs-form-field-label');
    const name = label ? label.textContent.replace(/\*\s*$/, '').trim() : 'A field';
    const messages = [...error.querySelectorAll('li')].map((li) => li.textContent.trim().replace(/\.$/, ''));
    fields.push(`${name}: ${messages.join(', ') || error.textContent.trim()}`);
  }
  return fields;
}

/** Tasklist's bare "An error happened while submitting the task form" after a refused Complete. */
function explainRefusedComplete(root) {
  for (const notification of root.querySelectorAll('.notifications .alert-danger, .notification.alert-danger')) {
    const status = notification.querySelector('.status');
    const message = notification.querySelector('.message');
    if (!status || !message || !shown(notification) || message.textContent.trim()
      || !/submitting the task form/.test(status.textContent)) {
      continue;
    }
    const fields = markedFields();
    if (fields.length) {
      setText(message, `Correct the marked fields, then complete again. ${fields.join('; ')}.`);
    }
  }
}

function update() {
  replacePatternMessages(document);
  fillBareFailures(document);
  explainRefusedComplete(document);
}

new MutationObserver(update).observe(document.documentElement,
  { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['class'] });

// Tasklist loads custom scripts as modules and reads their default export as plugins: there are none.
export default [];
