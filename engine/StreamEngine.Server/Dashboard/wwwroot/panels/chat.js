// Chat as it enters the show (ChatMessage events) with the engine's reading of it: a bid and its amount, a question,
// a mention, a moderator; sentiment when a source provides it. Inject a test message as a viewer would send it.
// Moderation (hide, ban, pin) waits for the engine to have those requests: no button pretends to do it.
import { post } from '../api.js';
import { bus } from '../socket.js';
import { el, attempt } from '../ui.js';

const MAX = 200;

export function startChat() {
  const list = document.getElementById('chat');
  const count = document.getElementById('chat-count');
  let seen = 0;

  bus.addEventListener('ChatMessage', ({ detail: m }) => {
    seen++;
    count.textContent = `${seen} this session`;
    const tags = [];
    if (m.highlight === 'bid') tags.push(el('span', { class: 'tag bid' }, m.bid?.display ? `BID ${m.bid.display}` : 'BID'));
    else if (m.highlight === 'question') tags.push(el('span', { class: 'tag question' }, 'QUESTION'));
    else if (m.highlight) tags.push(el('span', { class: `tag ${m.highlight}` }, m.highlight.toUpperCase()));
    if (m.sentiment !== undefined && m.sentiment !== null) tags.push(el('span', { class: 'tag sentiment' }, `sentiment ${m.sentiment}`));
    const item = el('li', { class: `message ${m.highlight ?? ''}`, dataset: { id: m.id, highlight: m.highlight ?? '' } },
      el('div', { class: 'message-head' },
        el('strong', { class: 'author' }, m.author),
        ...tags,
        el('span', { class: 'source' }, m.source ?? '')),
      el('p', { class: 'text' }, m.text));
    if (m.color && /^#[0-9a-f]{3,8}$/i.test(m.color)) item.querySelector('.author').style.color = m.color;
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    list.append(item);
    while (list.children.length > MAX) list.firstElementChild.remove();
    if (atBottom) list.scrollTop = list.scrollHeight;
  });

  document.getElementById('chat-form').addEventListener('submit', async event => {
    event.preventDefault();
    const text = document.getElementById('chat-text');
    const author = document.getElementById('chat-author').value.trim() || 'Producer';
    const sent = await attempt(() => post('/api/chat', { author, text: text.value }));
    if (sent !== undefined) text.value = '';
  });
}
