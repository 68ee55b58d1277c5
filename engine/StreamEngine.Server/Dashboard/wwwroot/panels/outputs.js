// Outputs: state, reconnects, errors and bitrate of each (GET /api/outputs every 2 s and on OutputStateChanged); add
// an RTMP/RTMPS output from a platform preset and a masked stream key; stop one (DELETE). The engine masks keys in
// what it returns, so the page never shows a key after it was sent.
import { get, post, del } from '../api.js';
import { bus } from '../socket.js';
import { el, attempt, bitrate } from '../ui.js';

export async function startOutputs() {
  const list = document.getElementById('outputs');
  const form = document.getElementById('output-form');
  const url = document.getElementById('output-url');
  const key = document.getElementById('output-key');
  const error = document.getElementById('output-error');
  const onAir = document.getElementById('onair');
  let previous = new Map();

  const refresh = async () => {
    let outputs;
    try { outputs = await get('/api/outputs'); } catch { return; }
    const now = performance.now();
    let total = 0;
    const rates = new Map();
    for (const o of outputs) {
      const before = previous.get(o.id);
      const rate = before ? (o.bytesSent - before.bytes) * 8 / ((now - before.at) / 1000) : NaN;
      rates.set(o.id, rate);
      if (Number.isFinite(rate) && rate >= 0) total += rate;
    }
    previous = new Map(outputs.map(o => [o.id, { bytes: o.bytesSent, at: now }]));
    bus.dispatchEvent(new CustomEvent('OutputsBitrate', { detail: { bitsPerSecond: total } }));
    const live = outputs.some(o => o.state === 'Live');
    onAir.dataset.live = String(live);
    onAir.textContent = live ? 'ON AIR' : 'OFF AIR';
    list.replaceChildren(...(outputs.length ? outputs.map(o => el('li', { class: 'output', dataset: { output: o.id, state: o.state } },
      el('div', { class: 'output-head' },
        el('span', { class: `state state-${o.state.toLowerCase()}` }, o.state),
        el('span', { class: 'target', title: o.target }, o.target),
        el('button', { type: 'button', class: 'ghost danger', title: 'Stop and remove this output',
          onclick: () => attempt(() => del(`/api/outputs/${encodeURIComponent(o.id)}`), 'Output stopped').then(refresh) }, 'Stop')),
      el('div', { class: 'output-meta' },
        el('span', {}, bitrate(rates.get(o.id))),
        el('span', {}, `${o.reconnects} reconnects`),
        o.lastError ? el('span', { class: 'error', title: o.lastError }, o.lastError) : null)))
      : [el('li', { class: 'empty' }, 'No outputs.')]));
  };

  document.getElementById('output-preset').addEventListener('change', event => {
    url.value = event.target.value;
    key.focus();
  });

  form.addEventListener('submit', async event => {
    event.preventDefault();
    error.textContent = '';
    const base = url.value.trim();
    if (!/^rtmps?:\/\//i.test(base)) { error.textContent = 'The ingest URL starts with rtmp:// or rtmps://'; return; }
    const target = key.value.trim() ? `${base.replace(/\/+$/, '')}/${key.value.trim()}` : base;
    const added = await attempt(() => post('/api/outputs', { target }), 'Output added');
    if (added) { key.value = ''; await refresh(); }
  });

  bus.addEventListener('OutputStateChanged', refresh);
  await refresh();
  setInterval(refresh, 2000);
}
