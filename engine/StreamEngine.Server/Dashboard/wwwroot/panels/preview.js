// The program as JPEG frames from the WebSocket (PreviewFrame events, about 10 a second while this tab is visible).
import { bus } from '../socket.js';

export function startPreview() {
  const image = document.getElementById('preview');
  const empty = document.getElementById('preview-empty');
  const rate = document.getElementById('preview-rate');
  let url = null;
  let frames = 0;
  bus.addEventListener('PreviewFrame', ({ detail }) => {
    const raw = atob(detail.jpeg);
    const jpeg = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) jpeg[i] = raw.charCodeAt(i);
    const next = URL.createObjectURL(new Blob([jpeg], { type: 'image/jpeg' }));
    image.onload = () => { if (url) URL.revokeObjectURL(url); url = next; };
    image.src = next;
    image.dataset.frame = detail.frame;
    empty.hidden = true;
    frames++;
  });
  setInterval(() => { rate.textContent = frames ? `preview ${frames} fps` : ''; frames = 0; }, 1000);
}
