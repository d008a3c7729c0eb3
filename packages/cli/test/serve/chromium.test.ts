/**
 * Two browser contexts (two users' browsers), each loading the same unchanged legacy-style page,
 * on one fake RTM server: the caller calls, the callee accepts, both see the other's messages.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  chromiumPath,
  collectPageFailures,
  confineToLocalhost,
  hasChromium,
  launchChromium,
} from '../../../signaling-compat/test/browser/chromium';
import { serveStatic, type StaticServer } from '../../../signaling-compat/test/browser/staticServer';
import { ensureBuilt, workspaceRoot } from '../../../signaling-compat/test/packaging/build';
import { type FakeRtmServer, startFakeRtmServer } from '../../src/serve/index';

if (!hasChromium) {
  console.warn(`Fake RTM server browser test skipped: ${chromiumPath} not found. Install it (apt-get install chromium) or run .ci/run.`);
}

const resultsDir = join(workspaceRoot, 'test-results');
const demoDir = fileURLToPath(new URL('../../demo', import.meta.url));
const pagesDir = join(workspaceRoot, '.tmp/remote-fake-pages');

interface CallPage {
  done: boolean;
  transcript: string[];
}

describe.skipIf(!hasChromium)('in Chromium, on a fake RTM server', () => {
  let browser: Browser;
  let files: StaticServer;
  let rtmServer: FakeRtmServer;

  beforeAll(async () => {
    const { distDir } = await ensureBuilt();
    mkdirSync(pagesDir, { recursive: true });
    files = await serveStatic({ '/dist/': distDir, '/generated/': pagesDir, '/': demoDir });
    rtmServer = await startFakeRtmServer();
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await files?.close();
    await rtmServer?.close();
  });

  /** A fresh browser context (its own storage, as another user's browser) on the page. */
  async function openUser(query: string): Promise<{ page: Page; failures: string[]; blocked: string[] }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const failures = await collectPageFailures(page);
    const blocked = await confineToLocalhost(page);
    // The page stays as it is: the backend is chosen before its scripts run.
    await page.addInitScript((url) => {
      (window as unknown as { SIGNALING_COMPAT_FAKE_SERVER: string }).SIGNALING_COMPAT_FAKE_SERVER = url;
    }, rtmServer.url);
    await page.goto(`${files.origin}/legacy-call.html?${query}`);
    return { page, failures, blocked };
  }

  test('the caller calls, the callee accepts, both see the other’s messages', async () => {
    const bob = await openUser('me=bob&peer=alice');
    // The callee is in the lobby first, so each transcript has one order.
    await bob.page.waitForFunction(() => (window as unknown as CallPage).transcript.includes('onChannelJoined lobby'));
    const alice = await openUser('me=alice&peer=bob&role=caller');
    const finished = (page: Page) =>
      page.waitForFunction(() => (window as unknown as CallPage).done, undefined, { timeout: 20_000 }).then(
        () => true,
        () => false,
      );
    const completed = await Promise.all([finished(alice.page), finished(bob.page)]);
    mkdirSync(resultsDir, { recursive: true });
    await alice.page.screenshot({ path: join(resultsDir, 'remote-fake-caller.png'), fullPage: true });
    await bob.page.screenshot({ path: join(resultsDir, 'remote-fake-callee.png'), fullPage: true });
    const transcript = (page: Page) => page.evaluate(() => (window as unknown as CallPage).transcript);

    expect({ completed, alice: await transcript(alice.page), bob: await transcript(bob.page) }).toEqual({
      completed: [true, true],
      alice: [
        'onLoginSuccess',
        'onChannelJoined lobby',
        'messageInstantSend failed=false',
        'onMessageInstantReceive bob hello alice',
        'onChannelAttrUpdated topic a call from alice update',
        'onInviteReceivedByPeer bob',
        'onInviteAcceptedByPeer ok',
        'onInviteEndByMyself',
        'onLogout 101',
      ],
      bob: [
        'onLoginSuccess',
        'onChannelJoined lobby',
        'onChannelUserJoined alice',
        'onMessageInstantReceive alice hello bob',
        'onChannelAttrUpdated topic a call from alice update',
        'onInviteReceived alice call-room {"type":"video"}',
        'onInviteEndByPeer',
        'onLogout 101',
      ],
    });
    expect([...alice.failures, ...bob.failures]).toEqual([]);
    expect([...alice.blocked, ...bob.blocked]).toEqual([]);
  }, 60_000);

  test('a data-server attribute on the fake script tag points Signal at the server', async () => {
    writeFileSync(
      join(pagesDir, 'data-server.html'),
      `<!DOCTYPE html><script src="/dist/signaling-compat.global.js"></script>
<script src="/dist/signaling-compat-fake.global.js" data-server="${rtmServer.url}"></script>
<script>
  var result = '';
  var session = Signal('0123456789abcdef0123456789abcdef').login('carol', '_no_need_token');
  session.onLoginSuccess = function () { session.logout(); };
  session.onLogout = function (ecode) { result = 'onLogout ' + ecode; };
</script>`,
    );
    rtmServer.rtm.resetStats();
    const page = await browser.newPage();
    const failures = await collectPageFailures(page);
    await page.goto(`${files.origin}/generated/data-server.html`);
    await page.waitForFunction(() => (window as unknown as { result: string }).result !== '');
    expect(await page.evaluate(() => (window as unknown as { result: string }).result)).toBe('onLogout 101');
    // The login happened in the server's fake, not in one of the page's own.
    expect(rtmServer.rtm.stats()).toMatchObject({ login: 1, logout: 1 });
    expect(failures).toEqual([]);
  }, 30_000);

  test('data-rtm="2" with data-server gives a 2.x page the server\'s FakeRtm2 as AgoraRTM', async () => {
    writeFileSync(
      join(pagesDir, 'data-rtm2.html'),
      `<!DOCTYPE html><script src="/dist/signaling-compat-fake.global.js" data-server="${rtmServer.url}" data-rtm="2"></script>
<script>
  var result = '';
  var client = new AgoraRTM.RTM('0123456789abcdef0123456789abcdef', 'erin');
  client.addEventListener('linkState', function (event) { result += event.currentState + ' '; });
  client.login().then(function () { return client.logout(); }).then(function () { result += 'done'; });
</script>`,
    );
    rtmServer.rtm2.resetStats();
    const page = await browser.newPage();
    const failures = await collectPageFailures(page);
    await page.goto(`${files.origin}/generated/data-rtm2.html`);
    await page.waitForFunction(() => (window as unknown as { result: string }).result.endsWith('done'));
    expect(await page.evaluate(() => (window as unknown as { result: string }).result)).toBe('CONNECTING CONNECTED IDLE done');
    expect(rtmServer.rtm2.stats()).toMatchObject({ login: 1, logout: 1 });
    expect(failures).toEqual([]);
  }, 30_000);
});
