// Live numbers in the top bar: FrameStats events once a second, bitrate from the outputs' bytes sent.
import { bus } from '../socket.js';
import { bytes, bitrate } from '../ui.js';

export function startStats(show) {
  const set = (id, text, warn = false) => {
    const cell = document.getElementById(id);
    cell.textContent = text;
    cell.classList.toggle('warn', warn);
  };
  let last = null;
  bus.addEventListener('FrameStats', ({ detail: s }) => {
    const now = performance.now();
    if (last) {
      const fps = (s.frames - last.frames) / ((now - last.at) / 1000);
      set('stat-fps', fps.toFixed(1), fps < show.fps * 0.95);
    }
    last = { frames: s.frames, at: now };
    set('stat-dropped', String(s.dropped), s.dropped > 0);
    set('stat-render', `${s.renderMsP50.toFixed(1)} / ${s.renderMsP99.toFixed(1)} ms`, s.renderMsP99 > 1000 / show.fps);
    if (s.cpuPercent !== undefined) set('stat-cpu', `${s.cpuPercent.toFixed(0)} %`, s.cpuPercent > 85);
    if (s.memoryBytes !== undefined) set('stat-memory', bytes(s.memoryBytes));
  });
  bus.addEventListener('OutputsBitrate', ({ detail }) => set('stat-bitrate', bitrate(detail.bitsPerSecond)));
}
