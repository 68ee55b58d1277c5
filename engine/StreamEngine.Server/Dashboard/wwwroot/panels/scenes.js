// Named scenes (GET /api/scenes): the on-air one in red; a click switches with the chosen transition. "Preview" draws
// an off-air scene as it would go on air (GET /api/scenes/{name}/preview, composed by the engine away from its
// frame thread) next to a Take button. Hidden while the engine has no scenes API (it answers 404).
import { getOptional, post, ApiError } from '../api.js';
import { bus } from '../socket.js';
import { el, attempt, toast } from '../ui.js';

export async function startScenes() {
  const panel = document.getElementById('scenes-panel');
  const list = document.getElementById('scenes');
  const next = document.getElementById('next-scene');
  let current = await getOptional('/api/scenes');
  if (!current) return;
  panel.hidden = false;
  let previewed = null;
  let previewUrl = null;

  const transition = () => ({
    kind: document.getElementById('transition-kind').value,
    duration: Number(document.getElementById('transition-duration').value) || 0,
  });
  const take = name => attempt(() => post(`/api/scenes/${encodeURIComponent(name)}/switch`, { transition: transition() }), `Switching to ${name}`);

  const showPreview = async name => {
    previewed = name;
    const response = await fetch(`/api/scenes/${encodeURIComponent(name)}/preview`, { cache: 'no-store', credentials: 'omit' });
    if (!response.ok) { toast(new ApiError(response.status, await response.json().catch(() => null)).message, 'error'); return; }
    if (previewUrl) URL.revokeObjectURL(previewUrl);
    previewUrl = URL.createObjectURL(await response.blob());
    next.replaceChildren(
      el('img', { src: previewUrl, alt: `Preview of ${name}`, dataset: { scene: name } }),
      el('div', { class: 'next-bar' }, el('span', {}, 'Next: ', el('strong', {}, name)),
        el('button', { type: 'button', class: 'primary take', onclick: () => take(name) }, 'Take'),
        el('button', { type: 'button', class: 'ghost', 'aria-label': 'Close preview', onclick: closePreview }, '×')));
    next.hidden = false;
  };
  const closePreview = () => { previewed = null; next.hidden = true; next.replaceChildren(); };

  const render = () => list.replaceChildren(...current.scenes.map(scene => {
    const onAir = scene.name === current.onAir;
    return el('li', { class: onAir ? 'scene-row on-air' : 'scene-row' },
      el('button', {
        type: 'button', class: onAir ? 'scene on-air' : 'scene', 'aria-pressed': String(onAir), dataset: { scene: scene.name },
        onclick: () => take(scene.name),
      },
      el('span', { class: 'scene-name' }, scene.name),
      el('span', { class: 'scene-layers' }, `${scene.layers.length} layers`),
      onAir ? el('span', { class: 'tag live' }, 'ON AIR') : null),
      onAir ? null : el('button', { type: 'button', class: 'ghost peek', title: `Preview ${scene.name} before it goes on air`,
        dataset: { preview: scene.name }, onclick: () => showPreview(scene.name) }, 'Preview'));
  }));
  render();

  const reload = async () => { current = (await getOptional('/api/scenes')) ?? current; render(); };
  bus.addEventListener('CurrentProgramSceneChanged', async ({ detail }) => {
    current.onAir = detail.sceneName;
    if (previewed === detail.sceneName) closePreview();
    render();
    await reload();
  });
  bus.addEventListener('SceneListChanged', reload);
}
