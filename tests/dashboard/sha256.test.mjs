// The dashboard's SHA-256 fallback (engine/StreamEngine.Server/Dashboard/wwwroot/sha256.js), used for the WebSocket
// login where the browser has no crypto.subtle (plain HTTP on a LAN address): FIPS 180-4's published vectors, and
// agreement with Node's own hash on every padding boundary and on non-ASCII text. Run: node --test tests/dashboard
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { sha256, base64Sha256 } from '../../engine/StreamEngine.Server/Dashboard/wwwroot/sha256.js';

const hex = bytes => Buffer.from(bytes).toString('hex');
const utf8 = text => new TextEncoder().encode(text);

test('FIPS 180-4 example vectors', () => {
  assert.equal(hex(sha256(utf8(''))), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  assert.equal(hex(sha256(utf8('abc'))), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  assert.equal(hex(sha256(utf8('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))),
    '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  assert.equal(hex(sha256(utf8('abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu'))),
    'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1');
  assert.equal(hex(sha256(utf8('a'.repeat(1_000_000)))), 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
});

test('agrees with Node on every length around the padding boundaries and on UTF-8 text', () => {
  for (let length = 0; length <= 200; length++) {
    const text = 'ü€x'.repeat(length).slice(0, length);
    assert.equal(hex(sha256(utf8(text))), createHash('sha256').update(text, 'utf8').digest('hex'), `length ${length}`);
  }
});

test('the login answer matches obs-websocket v5 as the engine computes it, without crypto.subtle', async () => {
  const subtle = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
  Object.defineProperty(globalThis, 'crypto', { value: {}, configurable: true }); // as on plain HTTP
  try {
    const [password, salt, challenge] = ['supersecretpassword', 'lM1GncleQOaCu9lT1yeUZhFYnqhsLLP1G5lAGo3ixaI=', '+IxH4CnCiqpX1rM9scsNynZzbOe4KhDeYcTNS3PDaeY='];
    const secret = createHash('sha256').update(password + salt).digest('base64');
    const expected = createHash('sha256').update(secret + challenge).digest('base64');
    assert.equal(await base64Sha256((await base64Sha256(password + salt)) + challenge), expected);
  } finally {
    Object.defineProperty(globalThis, 'crypto', subtle);
  }
});
