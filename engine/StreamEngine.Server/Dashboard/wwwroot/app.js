// The producer's dashboard: logs in, opens the WebSocket and starts every panel.
import { credentials, post, get, ApiError } from './api.js';
import { bus, connect, disconnect } from './socket.js';
import { startPreview } from './panels/preview.js';
import { startStats } from './panels/stats.js';
import { startScenes } from './panels/scenes.js';
import { startLayers } from './panels/layers.js';
import { startOutputs } from './panels/outputs.js';
import { startChat } from './panels/chat.js';
import { startCode } from './panels/code.js';
import { startBehaviours } from './panels/behaviours.js';

const login = document.getElementById('login');
const loginError = document.getElementById('login-error');
let started = false;

function askToLogIn(message = '') {
  loginError.textContent = message;
  if (!login.open) login.showModal();
  document.getElementById('login-token').focus();
}

document.getElementById('login-form').addEventListener('submit', async event => {
  event.preventDefault();
  const token = document.getElementById('login-token').value.trim();
  const password = document.getElementById('login-password').value;
  credentials.save(token, password);
  try {
    await post('/api/auth'); // 204 when this token may change the show, 401 otherwise; changes nothing
  } catch (e) {
    credentials.clear();
    askToLogIn(e instanceof ApiError && e.status === 401 ? 'That token may not change the show.' : e.message);
    return;
  }
  login.close();
  start();
});

login.addEventListener('cancel', event => event.preventDefault()); // nothing works without logging in

document.getElementById('logout').addEventListener('click', () => {
  credentials.clear();
  disconnect();
  location.reload();
});

document.addEventListener('unauthorized', () => askToLogIn('The engine refused the token: log in again.'));

bus.addEventListener('link', ({ detail }) => {
  document.getElementById('link').dataset.state = detail.state;
  document.getElementById('link').title = `WebSocket: ${detail.state}${detail.reason ? ` (${detail.reason})` : ''}`;
  if (detail.code === 4009) {
    credentials.clear();
    askToLogIn('The WebSocket password is wrong.');
  }
});

async function start() {
  if (started) { connect(); return; }
  started = true;
  const show = await get('/api/show');
  document.getElementById('show-format').textContent = `${show.width}×${show.height} · ${show.fps} fps`;
  connect();
  for (const panel of [startPreview, startStats, startScenes, startLayers, startOutputs, startChat, startCode, startBehaviours]) {
    try { await panel(show); } catch (e) { console.error(panel.name, e); }
  }
  document.body.dataset.ready = 'true';
}

if (credentials.loggedIn) start(); else askToLogIn();
