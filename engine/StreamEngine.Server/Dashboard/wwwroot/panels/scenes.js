// Named scenes (GET /api/scenes): the on-air one in red; a click switches with the chosen transition. Hidden while
// the engine has no scenes API (it answers 404).
import { getOptional, post } from '../api.js';
import { bus } from '../socket.js';
import { el, attempt } from '../ui.js';

export async function startScenes() {
  const panel = document.getElementById('scenes-panel');
  const list = document.getElementById('scenes');
  let current = await getOptional('/api/scenes');
  if (!current) return;
  panel.hidden = false;

  const render = () => list.replaceChildren(...current.scenes.map(scene => {
    const onAir = scene.name === current.onAir;
    return el('li', {},
      el('button', {
        type: 'button', class: onAir ? 'scene on-air' : 'scene', 'aria-pressed': String(onAir), dataset: { scene: scene.name },
        onclick: () => attempt(() => post(`/api/scenes/${encodeURIComponent(scene.name)}/switch`, {
          transition: {
            kind: document.getElementById('transition-kind').value,
            duration: Number(document.getElementById('transition-duration').value) || 0,
          },
        }), `Switching to ${scene.name}`),
      },
      el('span', { class: 'scene-name' }, scene.name),
      el('span', { class: 'scene-layers' }, `${scene.layers.length} layers`),
      onAir ? el('span', { class: 'tag live' }, 'ON AIR') : null));
  }));
  render();

  bus.addEventListener('CurrentProgramSceneChanged', async ({ detail }) => {
    current.onAir = detail.sceneName;
    render();
    current = (await getOptional('/api/scenes')) ?? current;
    render();
  });
}
