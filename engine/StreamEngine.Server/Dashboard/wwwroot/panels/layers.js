// Layers in z-order (top first): show/hide, drag to reorder, edit position and props (a form from the layer type's
// schema), and run an effect on the layer with an easing and a duration.
import { get, patch, post } from '../api.js';
import { bus } from '../socket.js';
import { el, attempt, toast } from '../ui.js';
import { propsForm, readProps } from './propsForm.js';

const EFFECTS = ['fadeIn', 'fadeOut', 'scaleIn', 'scaleOut', 'slideIn', 'slideOut', 'rotate'];
const EASINGS = ['easeOutCubic', 'easeInCubic', 'easeInOutCubic', 'easeOutBack', 'easeInOutSine', 'easeOutBounce', 'linear', 'ease-in-out'];

export async function startLayers() {
  const list = document.getElementById('layers');
  const editor = document.getElementById('layer-editor');
  const types = new Map((await get('/api/layer-types')).map(t => [t.name, t]));
  let layers = [];
  let selected = null;
  let dragged = null;

  const refresh = async () => {
    layers = (await get('/api/layers')).sort((a, b) => b.zIndex - a.zIndex);
    render();
  };

  const render = () => list.replaceChildren(...layers.map(layer => el('li', {
    class: `layer${layer.visible ? '' : ' hidden-layer'}${layer.id === selected ? ' selected' : ''}`, draggable: true, dataset: { layer: layer.id },
    ondragstart: e => { dragged = layer.id; e.dataTransfer.effectAllowed = 'move'; e.currentTarget.classList.add('dragging'); },
    ondragend: e => e.currentTarget.classList.remove('dragging'),
    ondragover: e => { e.preventDefault(); e.currentTarget.classList.add('drop'); },
    ondragleave: e => e.currentTarget.classList.remove('drop'),
    ondrop: e => { e.preventDefault(); e.currentTarget.classList.remove('drop'); moveBefore(dragged, layer.id); },
  },
  el('span', { class: 'grip', 'aria-hidden': 'true' }, '⋮⋮'),
  el('button', {
    type: 'button', class: 'eye', 'aria-pressed': String(layer.visible), title: layer.visible ? 'Hide' : 'Show',
    'aria-label': `${layer.visible ? 'Hide' : 'Show'} ${layer.id}`,
    onclick: () => attempt(() => patch(`/api/layers/${encodeURIComponent(layer.id)}`, { visible: !layer.visible })).then(refresh),
  }, layer.visible ? '◉' : '○'),
  el('button', { type: 'button', class: 'layer-name', onclick: () => select(layer.id) },
    el('strong', {}, layer.id), el('span', { class: 'hint' }, layer.type)),
  el('span', { class: 'z hint' }, `z ${layer.zIndex}`))));

  // Dropping a layer on another puts it above that one; the engine takes the whole order, bottom first.
  const moveBefore = async (id, targetId) => {
    if (!id || id === targetId) return;
    const order = layers.map(l => l.id).filter(l => l !== id);
    order.splice(order.indexOf(targetId), 0, id);
    await attempt(() => post('/api/layers/reorder', { order: [...order].reverse() }), 'Layers reordered');
    await refresh();
  };

  const select = id => {
    selected = id;
    render();
    const layer = layers.find(l => l.id === id);
    if (!layer) { editor.hidden = true; return; }
    const schema = types.get(layer.type)?.schema ?? null;
    const t = layer.transform ?? {};
    const number = (name, label, value, step = 1) => el('label', { class: 'field' }, label,
      el('input', { type: 'number', name, step, value: String(value ?? 0) }));
    const form = el('form', { class: 'stack', autocomplete: 'off' },
      el('div', { class: 'transform' }, number('x', 'X', t.x), number('y', 'Y', t.y), number('width', 'Width', t.width),
        number('height', 'Height', t.height), number('opacity', 'Opacity', t.opacity, 0.05)),
      propsForm(schema, layer.props ?? {}),
      el('button', { type: 'submit', class: 'primary' }, 'Apply'));
    form.addEventListener('submit', async e => {
      e.preventDefault();
      let props;
      try { props = readProps(form); } catch (error) { toast(error.message, 'error'); return; }
      const transform = Object.fromEntries(['x', 'y', 'width', 'height', 'opacity'].map(n => [n, Number(form.elements[n].value)]));
      await attempt(() => patch(`/api/layers/${encodeURIComponent(id)}`, { transform, props }), `${id} updated`);
      await refresh();
    });
    const effect = el('select', { 'aria-label': 'Effect' }, ...EFFECTS.map(x => el('option', {}, x)));
    const easing = el('select', { 'aria-label': 'Easing' }, ...EASINGS.map(x => el('option', {}, x)));
    const duration = el('input', { type: 'number', min: 0.05, max: 30, step: 0.05, value: '0.6', 'aria-label': 'Duration (s)' });
    editor.replaceChildren(
      el('h3', {}, layer.id, ' ', el('span', { class: 'hint' }, `${layer.type}${schema ? '' : ' · no schema'}`),
        el('button', { type: 'button', class: 'ghost close', 'aria-label': 'Close', onclick: () => { selected = null; editor.hidden = true; render(); } }, '×')),
      el('div', { class: 'row effect' }, effect, easing, duration,
        el('button', { type: 'button', onclick: () => attempt(() => post('/api/animations',
          { kind: 'effect', effect: effect.value, target: id, easing: easing.value, duration: Number(duration.value) }), `${effect.value} on ${id}`) }, 'Run')),
      form);
    editor.hidden = false;
  };

  for (const type of ['LayerCreated', 'LayerChanged', 'LayerRemoved', 'CurrentProgramSceneChanged']) bus.addEventListener(type, refresh);
  await refresh();
}
