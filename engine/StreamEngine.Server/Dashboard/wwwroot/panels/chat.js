// Chat as it enters the show (ChatMessage events) with the engine's reading of it: a bid and its amount, a question,
// a mention, a moderator; sentiment when a source provides it. Inject a test message as a viewer would send it.
// Moderation on each message: delete it (DELETE /api/chat/{id}), time its author out for 10 minutes or ban them
// (the chat behaviour's bans route; their messages on screen go too), and unban from the list of bans.
import { post, del, getOptional } from '../api.js';
import { bus } from '../socket.js';
import { el, attempt } from '../ui.js';

const MAX = 200;
const TIMEOUT_SECONDS = 600;

export async function startChat() {
  const list = document.getElementById('chat');
  const count = document.getElementById('chat-count');
  const bansList = document.getElementById('bans');
  const canBan = (await getOptional('/api/behaviours/chat/bans')) !== null;
  let seen = 0;

  const remove = id => attempt(() => del(`/api/chat/${encodeURIComponent(id)}`));

  const refreshBans = async () => {
    const bans = canBan ? (await getOptional('/api/behaviours/chat/bans')) ?? [] : [];
    bansList.hidden = bans.length === 0;
    bansList.replaceChildren(...bans.map(b => el('li', { class: 'ban', dataset: { author: b.author } },
      el('strong', {}, b.author),
      el('span', { class: 'hint' }, b.until ? `until ${new Date(b.until).toLocaleTimeString()}` : 'banned'),
      el('button', { type: 'button', class: 'ghost', onclick: () => attempt(
        () => del(`/api/behaviours/chat/bans/${encodeURIComponent(b.author)}`), `${b.author} may chat again`).then(refreshBans) }, 'Unban'))));
  };

  // A ban takes the author's shown messages off the show as well: a moderator bans for what is on screen.
  const ban = async (author, seconds) => {
    const body = { author, reason: 'dashboard' };
    if (seconds) body.seconds = seconds;
    const done = await attempt(() => post('/api/behaviours/chat/bans', body), seconds ? `${author} timed out for 10 minutes` : `${author} banned`);
    if (done === undefined) return;
    for (const item of [...list.querySelectorAll('li.message')].filter(li => li.dataset.author === author)) await remove(item.dataset.id);
    await refreshBans();
  };

  bus.addEventListener('ChatMessage', ({ detail: m }) => {
    seen++;
    count.textContent = `${seen} this session`;
    const tags = [];
    if (m.highlight === 'bid') tags.push(el('span', { class: 'tag bid' }, m.bid?.display ? `BID ${m.bid.display}` : 'BID'));
    else if (m.highlight === 'question') tags.push(el('span', { class: 'tag question' }, 'QUESTION'));
    else if (m.highlight) tags.push(el('span', { class: `tag ${m.highlight}` }, m.highlight.toUpperCase()));
    // Sentiment only when it leans one way: a column of "sentiment 0" tells the producer nothing.
    if (Number.isFinite(m.sentiment) && Math.abs(m.sentiment) >= 0.1) {
      tags.push(el('span', { class: `tag sentiment ${m.sentiment > 0 ? 'positive' : 'negative'}`, title: `sentiment ${m.sentiment}` },
        `${m.sentiment > 0 ? '▲' : '▼'} ${Math.abs(m.sentiment).toFixed(2)}`));
    }
    const moderation = el('span', { class: 'moderation' },
      el('button', { type: 'button', class: 'ghost mod-delete', title: 'Delete this message from the show', onclick: () => remove(m.id) }, 'Delete'),
      canBan ? el('button', { type: 'button', class: 'ghost mod-timeout', title: `Time ${m.author} out for 10 minutes`, onclick: () => ban(m.author, TIMEOUT_SECONDS) }, 'Timeout') : null,
      canBan ? el('button', { type: 'button', class: 'ghost danger mod-ban', title: `Ban ${m.author}`, onclick: () => ban(m.author) }, 'Ban') : null);
    const item = el('li', { class: `message ${m.highlight ?? ''}`, dataset: { id: m.id, author: m.author, highlight: m.highlight ?? '' } },
      el('div', { class: 'message-head' },
        el('strong', { class: 'author' }, m.author),
        ...tags,
        el('span', { class: 'source' }, m.source ?? ''),
        moderation),
      el('p', { class: 'text' }, m.text));
    if (m.color && /^#[0-9a-f]{3,8}$/i.test(m.color)) item.querySelector('.author').style.color = m.color;
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    list.append(item);
    while (list.children.length > MAX) list.firstElementChild.remove();
    if (atBottom) list.scrollTop = list.scrollHeight;
  });

  bus.addEventListener('ChatMessageRemoved', ({ detail }) => {
    for (const item of list.querySelectorAll('li.message')) if (item.dataset.id === detail.id) item.remove();
  });

  document.getElementById('chat-form').addEventListener('submit', async event => {
    event.preventDefault();
    const text = document.getElementById('chat-text');
    const author = document.getElementById('chat-author').value.trim() || 'Producer';
    const typed = text.value;
    const sent = await attempt(() => post('/api/chat', { author, text: typed }));
    // Clear the box only if it still holds what was sent: the producer may have typed the next message meanwhile.
    if (sent !== undefined && text.value === typed) text.value = '';
  });

  await refreshBans();
}
