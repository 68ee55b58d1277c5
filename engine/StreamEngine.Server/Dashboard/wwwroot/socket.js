// The show's WebSocket (docs/protocol.md) on WS_PORT: Hello → Identify (with the obs-websocket style challenge when
// a password is set; sha256.js hashes it where the browser has no crypto.subtle, as on plain HTTP by a LAN address)
// → events. The preview (bit 128) is asked for only while the page is visible, so the engine encodes no preview for
// a hidden tab. Reconnects with backoff.
import { credentials } from './api.js';
import { base64Sha256 } from './sha256.js';

export const Subscriptions = { All: 127, Preview: 128 };
export const bus = new EventTarget();

let socket = null;
let retry = 0;
let wantPreview = !document.hidden;
let identified = false;

const port = document.querySelector('meta[name="ws-port"]').content;

function subscriptions() { return Subscriptions.All | (wantPreview ? Subscriptions.Preview : 0); }

function state(name, detail) { bus.dispatchEvent(new CustomEvent('link', { detail: { state: name, ...detail } })); }

export function connect() {
  if (socket) return;
  const host = location.hostname.includes(':') ? `[${location.hostname}]` : location.hostname;
  // Behind a TLS proxy the page is https, and browsers only let it open wss.
  socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${host}:${port}/`);
  state('connecting');
  socket.onmessage = async message => {
    const { op, d } = JSON.parse(message.data);
    if (op === 0) {
      const identify = { rpcVersion: 1, eventSubscriptions: subscriptions() };
      if (d.authentication) {
        const secret = await base64Sha256(credentials.password + d.authentication.salt);
        identify.authentication = await base64Sha256(secret + d.authentication.challenge);
      }
      socket.send(JSON.stringify({ op: 1, d: identify }));
    } else if (op === 2) {
      identified = true;
      retry = 0;
      state('up');
    } else if (op === 5) {
      bus.dispatchEvent(new CustomEvent(d.eventType, { detail: d.eventData }));
    }
  };
  socket.onclose = event => {
    socket = null;
    identified = false;
    state('down', { code: event.code, reason: event.reason });
    if (event.code === 4009) return; // wrong password: the login asks again
    if (!credentials.loggedIn) return;
    retry = Math.min(retry + 1, 6);
    setTimeout(connect, 500 * 2 ** retry);
  };
}

export function disconnect() {
  socket?.close(1000);
  socket = null;
}

/** Subscribes to preview frames or stops them (Reidentify), e.g. when the tab is hidden. */
export function watchPreview(on) {
  wantPreview = on;
  if (socket && identified) socket.send(JSON.stringify({ op: 3, d: { eventSubscriptions: subscriptions() } }));
}

document.addEventListener('visibilitychange', () => watchPreview(!document.hidden));
