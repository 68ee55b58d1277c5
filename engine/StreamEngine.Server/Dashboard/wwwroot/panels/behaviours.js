// Panels that behaviours declare (GET /api/behaviours: each behaviour's `panel`), drawn by this page from data alone:
// the state route is read every `refreshSeconds` and on each of the behaviour's events, the named fields are shown,
// and each action is a button calling one of the behaviour's routes. No plugin code runs here (the page's policy
// allows only the engine's own scripts), and everything is written with textContent.
import { get, request, getOptional } from '../api.js';
import { bus } from '../socket.js';
import { el, attempt } from '../ui.js';

const route = (id, path) => `/api/behaviours/${encodeURIComponent(id)}/${path.split('/').map(encodeURIComponent).join('/')}`;

function valueAt(state, path) {
  let node = state;
  for (const key of path.split('.')) node = node === null || node === undefined ? undefined : node[key];
  return node;
}

function show(value, format) {
  if (value === undefined || value === null || value === '') return '—';
  if (format === 'seconds' && Number.isFinite(value)) {
    const s = Math.max(0, Math.ceil(value));
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  }
  if (format === 'number' && Number.isFinite(value)) return value.toLocaleString();
  if (format === 'list' && Array.isArray(value)) {
    return value.length ? value.map(item => (item && typeof item === 'object' ? Object.values(item).join(' · ') : String(item))) : ['—'];
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function panelFor(behaviour) {
  const { id, panel } = behaviour;
  const values = new Map();
  const fields = el('dl', { class: 'panel-fields' }, ...panel.fields.map(f => {
    const dd = el('dd', { dataset: { field: f.path, format: f.format } }, '—');
    values.set(f, dd);
    return el('div', { class: `panel-field format-${f.format}` }, el('dt', {}, f.label), dd);
  }));
  const status = el('span', { class: 'hint' }, behaviour.state);

  const refresh = async () => {
    let state;
    try { state = await get(route(id, panel.state)); } catch (e) { status.textContent = e.message; return; }
    status.textContent = '';
    for (const [f, dd] of values) {
      const text = show(valueAt(state, f.path), f.format);
      if (Array.isArray(text)) dd.replaceChildren(el('ol', { class: 'panel-list' }, ...text.slice(-8).map(t => el('li', {}, t))));
      else dd.textContent = text;
    }
  };

  const actions = el('div', { class: 'panel-actions' }, ...panel.actions.map(a => {
    const input = a.input ? el('input', { type: a.input.type === 'number' ? 'number' : 'text', placeholder: a.input.label,
      'aria-label': a.input.label, dataset: { input: a.input.name }, step: 'any' }) : null;
    const press = async () => {
      const body = a.body ? structuredClone(a.body) : (input ? {} : undefined);
      if (input) body[a.input.name] = a.input.type === 'number' ? Number(input.value) : input.value;
      await attempt(() => request(a.method, route(id, a.path), body), `${panel.title}: ${a.label}`);
      await refresh();
    };
    const button = el('button', { type: 'button', class: 'primary', dataset: { action: a.label }, onclick: press }, a.label);
    return input ? el('span', { class: 'with-input' }, input, button) : button;
  }));

  bus.addEventListener('BehaviourEvent', ({ detail }) => { if (detail.behaviour === id) refresh(); });
  setInterval(refresh, Math.max(250, panel.refreshSeconds * 1000));
  refresh();
  return el('section', { class: 'panel behaviour-panel', dataset: { behaviour: id } },
    el('h2', {}, panel.title, ' ', status), fields, actions);
}

export async function startBehaviours() {
  const behaviours = await getOptional('/api/behaviours');
  const withPanels = (behaviours ?? []).filter(b => b.panel && Array.isArray(b.panel.fields) && Array.isArray(b.panel.actions));
  if (withPanels.length === 0) return;
  const holder = document.getElementById('behaviour-panels');
  holder.hidden = false;
  holder.replaceChildren(...withPanels.map(panelFor));
}
