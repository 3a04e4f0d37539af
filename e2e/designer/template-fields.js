// What Camunda Modeler's properties panel would show for an element that carries an element
// template (camunda:modelerTemplate): the template's labelled fields, each with the value read from
// the element's XML according to the field's binding, and whether that value satisfies the field's
// constraints; plus whether the hidden (fixed) properties hold the template's values.
//
// Plain ES module, no bundler. It works on a bpmn-js businessObject read with the camunda moddle
// extension (camunda-bpmn-moddle/resources/camunda.json), so that camunda:* attributes and
// extension elements are typed (camunda:In, camunda:Out, camunda:Properties, ...).

/** The extension elements of a business object with the given moddle type, e.g. 'camunda:In'. */
function extensions(bo, type) {
  return (bo.extensionElements?.values ?? []).filter((e) => e.$instanceOf?.(type) ?? e.$type === type);
}

/** An attribute of a business object: typed by the moddle if it knows it, else from $attrs. */
function attribute(bo, name) {
  let value;
  try {
    value = bo.get(name);
  } catch {
    value = undefined;
  }
  if (value === undefined) value = bo.$attrs?.[name];
  return value;
}

const text = (v) => (v === undefined || v === null ? undefined : String(v));

/**
 * The value a binding points at in the element's XML, as { value, where, note }: `value` is
 * undefined when the XML has nothing there; `where` says where it was looked for, in XML terms.
 */
export function readBinding(bo, binding) {
  switch (binding.type) {
    case 'property':
      return { value: text(attribute(bo, binding.name)), where: `@${binding.name}` };
    case 'camunda:in': {
      const mapping = extensions(bo, 'camunda:In').find((e) => e.target === binding.target);
      const key = binding.expression ? 'sourceExpression' : 'source';
      const other = binding.expression ? 'source' : 'sourceExpression';
      if (!mapping) return { value: undefined, where: `camunda:in ${key} → ${binding.target}` };
      if (mapping[key] === undefined && mapping[other] !== undefined) {
        return { value: mapping[other], where: `camunda:in ${other} → ${binding.target}`, note: `written as ${other}, the template writes ${key}` };
      }
      return { value: text(mapping[key]), where: `camunda:in ${key} → ${binding.target}` };
    }
    case 'camunda:in:businessKey': {
      const mapping = extensions(bo, 'camunda:In').find((e) => e.businessKey !== undefined);
      return { value: text(mapping?.businessKey), where: 'camunda:in businessKey' };
    }
    case 'camunda:out': {
      const mappings = extensions(bo, 'camunda:Out');
      const mapping = binding.sourceExpression !== undefined
        ? mappings.find((e) => e.sourceExpression === binding.sourceExpression)
        : mappings.find((e) => e.source === binding.source);
      const from = binding.sourceExpression !== undefined ? `sourceExpression ${binding.sourceExpression}` : binding.source;
      return { value: text(mapping?.target), where: `camunda:out ${from} → target` };
    }
    case 'camunda:property': {
      const props = extensions(bo, 'camunda:Properties').flatMap((p) => p.values ?? []);
      const prop = props.find((p) => p.name === binding.name);
      return { value: text(prop?.value), where: `camunda:property ${binding.name}` };
    }
    case 'camunda:inputParameter': {
      const params = extensions(bo, 'camunda:InputOutput').flatMap((io) => io.inputParameters ?? []);
      const param = params.find((p) => p.name === binding.name);
      return { value: text(param?.value), where: `camunda:inputParameter ${binding.name}` };
    }
    case 'camunda:outputParameter': {
      const params = extensions(bo, 'camunda:InputOutput').flatMap((io) => io.outputParameters ?? []);
      const param = params.find((p) => p.value === binding.source);
      return { value: text(param?.name), where: `camunda:outputParameter ${binding.source} → name` };
    }
    case 'camunda:field': {
      const field = extensions(bo, 'camunda:Field').find((f) => f.name === binding.name);
      const value = field && (binding.expression ? field.expression : (field.stringValue ?? field.string));
      return { value: text(value), where: `camunda:field ${binding.name}` };
    }
    default:
      return { value: undefined, where: binding.type, note: `binding type ${binding.type} is not read by this check` };
  }
}

/**
 * Whether a field's value satisfies the property's constraints, as Modeler validates them
 * (notEmpty, pattern), and a Dropdown's choices: { ok, problems[] }. An empty optional field passes.
 */
export function checkConstraints(prop, value) {
  const problems = [];
  const empty = value === undefined || value === '';
  const c = prop.constraints ?? {};
  if (c.notEmpty && empty) problems.push('must not be empty');
  if (c.pattern && !empty) {
    const pattern = typeof c.pattern === 'string' ? { value: c.pattern } : c.pattern;
    if (!new RegExp(pattern.value).test(value)) problems.push(pattern.message || `must match ${pattern.value}`);
  }
  if (prop.type === 'Dropdown' && !empty && !(prop.choices ?? []).some((ch) => ch.value === value)) {
    problems.push('is not one of the choices');
  }
  if (empty && !prop.optional && !c.notEmpty && prop.type !== 'Hidden') {
    // Not a constraint in Modeler, but a field without a value is what a designer would notice.
    problems.push('has no value');
  }
  return { ok: problems.length === 0, problems };
}

/** The template an element says it uses, from the list of loaded templates: { template, id, version }. */
export function templateOf(bo, templates) {
  const id = attribute(bo, 'camunda:modelerTemplate');
  if (!id) return { template: undefined, id: undefined, version: undefined };
  const version = attribute(bo, 'camunda:modelerTemplateVersion');
  const template = templates.find((t) => t.id === id && (version === undefined || String(t.version) === String(version)));
  return { template, id, version };
}

/**
 * Everything the side panel shows for an element and its template: the labelled fields
 * ({ prop, value, where, note, ok, problems, display }) in the template's order with their group
 * labels, and the hidden properties ({ prop, expected, value, where, ok }).
 */
export function describe(bo, template) {
  const groups = Object.fromEntries((template.groups ?? []).map((g) => [g.id, g.label]));
  const fields = [];
  const hidden = [];
  for (const prop of template.properties ?? []) {
    const read = readBinding(bo, prop.binding);
    if (prop.type === 'Hidden') {
      hidden.push({ prop, expected: prop.value, ...read, ok: read.value === prop.value });
      continue;
    }
    if (!prop.label) continue;
    const { ok, problems } = checkConstraints(prop, read.value);
    if (read.note) problems.push(read.note);
    const choice = prop.type === 'Dropdown' ? (prop.choices ?? []).find((ch) => ch.value === read.value) : undefined;
    const display = choice && choice.name !== choice.value ? `${choice.name}` : read.value;
    fields.push({ prop, group: groups[prop.group] ?? '', ...read, display, ok: ok && !read.note, problems });
  }
  return { fields, hidden };
}

const escape = (s) => String(s).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]);

/** The side panel's HTML for an element (a bpmn-js element with a businessObject). */
export function renderPanel(element, templates) {
  const bo = element.businessObject;
  const head = `<h2 class="el-name">${escape(bo.name ?? element.id)}</h2><div class="el-id">${escape(bo.$type)} · ${escape(element.id)}</div>`;
  const { template, id, version } = templateOf(bo, templates);
  if (!id) return `${head}<p class="no-template">No element template.</p>`;
  if (!template) {
    return `${head}<p class="template missing" data-template-missing="${escape(id)}">Template ${escape(id)} v${escape(version ?? '?')} is not loaded.</p>`;
  }
  const { fields, hidden } = describe(bo, template);
  const differ = hidden.filter((h) => !h.ok).length;
  let group;
  const rows = fields.map((f) => {
    const heading = f.group !== group ? `<h3 class="group">${escape((group = f.group) || 'General')}</h3>` : '';
    const shown = f.display === undefined || f.display === ''
      ? `<span class="empty">${f.prop.optional ? '(empty: the settings apply)' : '(empty)'}</span>`
      : escape(f.display);
    return `${heading}<div class="field ${f.ok ? 'ok' : 'bad'}" data-field="${escape(f.prop.id ?? f.prop.label)}" data-ok="${f.ok}" data-value="${escape(f.value ?? '')}" title="${escape(f.where)}">
  <span class="mark">${f.ok ? '✓' : '✗'}</span>
  <span class="label">${escape(f.prop.label)}</span>
  <span class="value">${shown}</span>
  ${f.problems.length ? `<span class="problem">${escape(f.problems.join('; '))}</span>` : ''}
</div>`;
  }).join('\n');
  const hiddenRows = hidden.map((h) => `<li class="${h.ok ? 'ok' : 'bad'}" data-hidden="${escape(h.where)}" data-ok="${h.ok}">
  <span class="mark">${h.ok ? '✓' : '✗'}</span> <code>${escape(h.where)}</code> = <code>${escape(h.value ?? '(missing)')}</code>${h.ok ? '' : ` <span class="problem">expected <code>${escape(h.expected)}</code></span>`}</li>`).join('\n');
  const summary = differ
    ? `${differ} of ${hidden.length} fixed properties differ`
    : `${hidden.length} fixed properties match`;
  return `${head}
<div class="template" data-template="${escape(template.id)}">Template: <b>${escape(template.name)}</b> v${escape(template.version)}</div>
<div class="fields">${rows}</div>
<details class="hidden-props ${differ ? 'bad' : 'ok'}" data-hidden-total="${hidden.length}" data-hidden-differ="${differ}"${differ ? ' open' : ''}>
  <summary><span class="mark">${differ ? '✗' : '✓'}</span> ${summary}</summary>
  <ul>${hiddenRows}</ul>
</details>`;
}
