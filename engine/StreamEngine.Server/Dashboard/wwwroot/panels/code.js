// Scripts and plugins: what is loaded, errors as FILE:LINE:COLUMN, and reload buttons.
import { get, post } from '../api.js';
import { bus } from '../socket.js';
import { el, attempt } from '../ui.js';

export async function startCode() {
  const scripts = document.getElementById('scripts');
  const plugins = document.getElementById('plugins');

  const item = (kind, name, state, detail, error, reload) => el('li', { class: 'item', dataset: { [kind]: name } },
    el('div', { class: 'item-head' },
      el('span', { class: `state state-${state}` }, state),
      el('strong', {}, name),
      el('span', { class: 'hint' }, detail),
      el('button', { type: 'button', class: 'ghost', onclick: reload }, 'Reload')),
    error ? el('pre', { class: 'error' }, error) : null);

  const refresh = async () => {
    const [s, p] = await Promise.all([get('/api/scripts'), get('/api/plugins')]);
    const reloadScript = x => attempt(() => post(`/api/scripts/${encodeURIComponent(x.name)}/reload`), `Script ${x.name} reloaded`).then(refresh);
    const reloadPlugin = x => attempt(() => post(`/api/plugins/${encodeURIComponent(x.id)}/reload`), `Plugin ${x.id} reloaded`).then(refresh);
    scripts.replaceChildren(...(s.length
      ? s.map(x => item('script', x.name, x.state, `${x.language} · ${x.errors} errors`, x.lastError, () => reloadScript(x)))
      : [el('li', { class: 'empty' }, 'No scripts.')]));
    plugins.replaceChildren(...p.map(x => item('plugin', x.id, x.state, [x.version, x.layerTypes.join(', ')].filter(Boolean).join(' · '), x.error, () => reloadPlugin(x))));
  };
  bus.addEventListener('ScriptFailed', refresh);
  await refresh();
  setInterval(refresh, 10000);
}
