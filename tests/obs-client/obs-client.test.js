// A control surface's view of StreamEngine: obs-websocket-js (the library Stream Deck, Companion and Streamer.bot
// style tools build on) connects to a live engine, switches its scenes, toggles a layer and records.
// Run by StreamEngine.Host.Tests (ObsClientTests), which starts the engine and sets OBS_URL and OBS_PASSWORD.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
// The JSON build (obswebsocket.json); the package's default in Node speaks MessagePack, tried by the second test.
import OBSWebSocket, { OBSWebSocketError } from 'obs-websocket-js/json';

const url = process.env.OBS_URL;
const password = process.env.OBS_PASSWORD;

/** Resolves with the first event of this type that matches, or fails after 10 s. */
function nextEvent(obs, type, matches = () => true) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} event within 10 s`)), 10_000);
    const handler = (data) => {
      if (!matches(data)) return;
      clearTimeout(timer);
      obs.off(type, handler);
      resolve(data);
    };
    obs.on(type, handler);
  });
}

test('an obs-websocket client controls the show', { timeout: 60_000 }, async () => {
  assert.ok(url, 'OBS_URL is set by the test that starts the engine');
  const obs = new OBSWebSocket();
  const identified = await obs.connect(url, password, { rpcVersion: 1 });
  assert.equal(identified.negotiatedRpcVersion, 1);
  try {
    const version = await obs.call('GetVersion');
    assert.equal(version.rpcVersion, 1);
    for (const request of ['GetSceneList', 'SetCurrentProgramScene', 'SetSceneItemEnabled', 'StartRecord'])
      assert.ok(version.availableRequests.includes(request), `GetVersion lists ${request}`);
    assert.ok(Array.isArray(version.supportedImageFormats));

    const list = await obs.call('GetSceneList');
    assert.equal(list.currentProgramSceneName, 'Intro');
    assert.deepEqual(list.scenes.map((s) => s.sceneName).sort(), ['Auction', 'Intro']);
    assert.ok(list.scenes.every((s) => Number.isInteger(s.sceneIndex)));

    const sceneChanged = nextEvent(obs, 'CurrentProgramSceneChanged', (e) => e.sceneName === 'Auction');
    await obs.call('SetCurrentProgramScene', { sceneName: 'Auction' });
    assert.equal((await sceneChanged).sceneName, 'Auction');
    assert.equal((await obs.call('GetCurrentProgramScene')).currentProgramSceneName, 'Auction');

    const { sceneItems } = await obs.call('GetSceneItemList', { sceneName: 'Auction' });
    assert.deepEqual(sceneItems.map((i) => i.sourceName), ['bg', 'blue', 'chat']);
    const blue = sceneItems.find((i) => i.sourceName === 'blue');
    assert.equal(blue.sceneItemEnabled, true);
    const { sceneItemId } = await obs.call('GetSceneItemId', { sceneName: 'Auction', sourceName: 'blue' });
    assert.equal(sceneItemId, blue.sceneItemId);

    const toggled = nextEvent(obs, 'SceneItemEnableStateChanged', (e) => e.sceneItemId === sceneItemId);
    await obs.call('SetSceneItemEnabled', { sceneName: 'Auction', sceneItemId, sceneItemEnabled: false });
    const toggle = await toggled;
    assert.equal(toggle.sceneName, 'Auction');
    assert.equal(toggle.sceneItemEnabled, false);
    assert.equal((await obs.call('GetSceneItemEnabled', { sceneName: 'Auction', sceneItemId })).sceneItemEnabled, false);

    await obs.call('SetInputSettings', { inputName: 'chat', inputSettings: { fill: '#ffff00' } });
    const settings = await obs.call('GetInputSettings', { inputName: 'chat' });
    assert.equal(settings.inputSettings.fill, '#ffff00');
    assert.equal(settings.inputKind, 'shape');

    const started = nextEvent(obs, 'RecordStateChanged', (e) => e.outputActive === true);
    await obs.call('StartRecord');
    await started;
    assert.equal((await obs.call('GetRecordStatus')).outputActive, true);
    // The file starts at the encoder's next keyframe: wait for its first bytes, then record a while.
    for (let i = 0; i < 100 && (await obs.call('GetRecordStatus')).outputBytes === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const stopped = nextEvent(obs, 'RecordStateChanged', (e) => e.outputActive === false);
    const { outputPath } = await obs.call('StopRecord');
    assert.equal((await stopped).outputPath, outputPath);
    assert.ok(existsSync(outputPath) && statSync(outputPath).size > 0, `the recording ${outputPath} exists`);
    const duration = Number(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', outputPath]).toString());
    assert.ok(duration > 1.2, `ffprobe reads a recording of about 2 s, got ${duration} s`);
    assert.equal((await obs.call('GetRecordStatus')).outputActive, false);

    const stream = await obs.call('GetStreamStatus');
    assert.equal(stream.outputActive, false);

    await assert.rejects(obs.call('GetSourceScreenshot', { sourceName: 'bg', imageFormat: 'png' }),
      (e) => e instanceof OBSWebSocketError && e.code === 204 && /does not support/.test(e.message));
  } finally {
    await obs.disconnect();
  }
});

// The package's default build in Node speaks obswebsocket.msgpack, as Companion's OBS module does.
test('a client on the MessagePack subprotocol switches scenes too', { timeout: 30_000 }, async () => {
  const { default: OBSWebSocketMsgpack } = await import('obs-websocket-js');
  const obs = new OBSWebSocketMsgpack();
  await obs.connect(url, password, { rpcVersion: 1 });
  try {
    const list = await obs.call('GetSceneList');
    assert.deepEqual(list.scenes.map((s) => s.sceneName).sort(), ['Auction', 'Intro']);
    for (const sceneName of ['Intro', 'Auction']) {
      const changed = nextEvent(obs, 'CurrentProgramSceneChanged', (e) => e.sceneName === sceneName);
      await obs.call('SetCurrentProgramScene', { sceneName, transition: { kind: 'crossfade', duration: 0.2 } });
      await changed;
      assert.equal((await obs.call('GetCurrentProgramScene')).currentProgramSceneName, sceneName);
    }
  } finally {
    await obs.disconnect();
  }
});
