// A form generated from a layer type's props schema (GET /api/layer-types, a JSON Schema per type): text, numbers
// with their range, choices from enum, colors with a swatch, switches, nested objects as fieldsets. What the schema
// does not describe (arrays, props it leaves out) is edited as JSON, so no prop is out of reach.
import { el } from '../ui.js';

const COLOR = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

function field(name, schema, value, path) {
  const label = schema.title ?? name;
  const id = `prop-${path.join('-')}`;
  const attrs = { id, name: path.join('.'), dataset: { path: JSON.stringify(path), kind: schema.type ?? 'json' }, title: schema.description };
  if (schema.type === 'object' && schema.properties) {
    return el('fieldset', {}, el('legend', {}, label),
      ...Object.entries(schema.properties).map(([key, sub]) => field(key, sub, value?.[key], [...path, key])));
  }
  let input;
  if (Array.isArray(schema.enum)) {
    input = el('select', attrs, el('option', { value: '' }, schema.default !== undefined ? `(${schema.default})` : '—'),
      ...schema.enum.map(option => el('option', { value: String(option), selected: value === option }, String(option))));
  } else if (schema.type === 'boolean') {
    input = el('input', { ...attrs, type: 'checkbox', checked: value ?? schema.default ?? false });
  } else if (schema.type === 'number' || schema.type === 'integer') {
    input = el('input', { ...attrs, type: 'number', min: schema.minimum, max: schema.maximum,
      step: schema.type === 'integer' ? 1 : 'any', value: value ?? '', placeholder: schema.default ?? '' });
  } else if (schema.type === 'string') {
    input = el('input', { ...attrs, type: 'text', value: value ?? '', placeholder: schema.default ?? '', spellcheck: 'false' });
    if (schema.format === 'color') {
      const swatch = el('span', { class: 'swatch' });
      const paint = () => { swatch.style.background = COLOR.test(input.value) ? input.value : 'transparent'; };
      input.addEventListener('input', paint);
      paint();
      return el('label', { class: 'field color' }, label, el('span', { class: 'with-swatch' }, swatch, input));
    }
  } else {
    input = el('textarea', { ...attrs, rows: 2, spellcheck: 'false' }, value === undefined ? '' : JSON.stringify(value));
    attrs.dataset.kind = 'json';
  }
  return el('label', { class: schema.type === 'boolean' ? 'field check' : 'field' }, label, input);
}

/** The form for a layer's props; read it back with {@link readProps}. */
export function propsForm(schema, props) {
  const known = schema?.properties ?? {};
  const fields = Object.entries(known).map(([name, sub]) => field(name, sub, props[name], [name]));
  const rest = Object.fromEntries(Object.entries(props).filter(([name]) => !(name in known)));
  const raw = el('textarea', { class: 'raw', rows: 3, spellcheck: 'false', 'aria-label': 'Other props (JSON)' },
    Object.keys(rest).length ? JSON.stringify(rest, null, 1) : '');
  return el('div', { class: 'props' }, ...fields,
    el('label', { class: 'field' }, schema ? 'Other props (JSON)' : 'Props (JSON)', raw));
}

/** The merge patch for props: fields left empty are not sent (the layer keeps its value). Throws naming a bad field. */
export function readProps(form) {
  const patch = {};
  for (const input of form.querySelectorAll('[data-path]')) {
    const path = JSON.parse(input.dataset.path);
    let value;
    if (input.type === 'checkbox') value = input.checked;
    else if (input.value === '') continue;
    else if (input.type === 'number') value = Number(input.value);
    else if (input.dataset.kind === 'json') {
      try { value = JSON.parse(input.value); } catch { throw new Error(`${path.join('.')}: not JSON`); }
    } else value = input.value;
    let node = patch;
    for (const key of path.slice(0, -1)) node = node[key] ??= {};
    node[path.at(-1)] = value;
  }
  const raw = form.querySelector('textarea.raw').value.trim();
  if (raw) {
    try { Object.assign(patch, JSON.parse(raw)); } catch { throw new Error('Other props: not a JSON object'); }
  }
  return patch;
}
