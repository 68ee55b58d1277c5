// Panels that behaviours contribute (GET /api/behaviours: [{id, panel: {title, url}}]), each in a frame from this
// engine (the page's policy allows frames from its own origin only). Hidden while the engine has no behaviours API.
import { getOptional } from '../api.js';
import { el } from '../ui.js';

export async function startBehaviours() {
  const behaviours = await getOptional('/api/behaviours');
  const withPanels = (behaviours ?? []).filter(b => b.panel?.url && b.panel.url.startsWith('/'));
  if (withPanels.length === 0) return;
  const holder = document.getElementById('behaviour-panels');
  holder.hidden = false;
  holder.replaceChildren(...withPanels.map(b => el('section', { class: 'panel', dataset: { behaviour: b.id } },
    el('h2', {}, b.panel.title ?? b.id),
    el('iframe', { src: b.panel.url, title: b.panel.title ?? b.id, loading: 'lazy' }))));
}
