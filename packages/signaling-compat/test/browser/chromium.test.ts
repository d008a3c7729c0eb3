/**
 * Real-browser tests: the script-tag builds in Debian's Chromium, served from 127.0.0.1 with every
 * other host unreachable.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureBuilt, repoRoot, workspaceRoot } from '../packaging/build';
import { chromiumPath, collectPageFailures, confineToLocalhost, hasChromium, launchChromium } from './chromium';
import { serveStatic, type StaticServer } from './staticServer';

if (!hasChromium) {
  console.warn(`Browser tests skipped: ${chromiumPath} not found. Install it (apt-get install chromium) or run .ci/run.`);
}

const resultsDir = join(workspaceRoot, 'test-results');

/** The login failure codes the legacy Web SDK could report (docs/reference/legacy-web-sdk.md §4.3). */
const WEB_LOGIN_FAILURE_CODES = [201, 204, 206, 207, 209];

interface ChatPage {
  done: boolean;
  transcript: { alice: string[]; bob: string[] };
}

interface OfflinePage {
  transcript: unknown[][];
}

describe.skipIf(!hasChromium)('in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    const { distDir } = await ensureBuilt();
    server = await serveStatic({
      '/dist/': distDir,
      '/pages/': join(repoRoot, 'test/browser/pages'),
      '/vendor/agora-rtm-sdk/': join(workspaceRoot, 'node_modules/agora-rtm-sdk'),
      '/vendor/agora-rtm-sdk-2/': join(workspaceRoot, 'node_modules/agora-rtm-sdk-2'),
    });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openPage(path: string): Promise<{ page: Page; failures: string[]; blocked: string[]; warnings: string[] }> {
    const page = await browser.newPage();
    const failures = await collectPageFailures(page);
    const blocked = await confineToLocalhost(page);
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await page.goto(`${server.origin}${path}`);
    return { page, failures, blocked, warnings };
  }

  // The same page on the script with every dialect and on the Web-only script: the same transcript.
  test.each([
    ['signaling-compat.global.js', 'legacy-chat'],
    ['signaling-compat-web.global.js', 'legacy-chat-web'],
  ])('an unchanged legacy page on %s chats, shares an attribute and runs a call on the in-page fake', async (_script, name) => {
    const { page, failures, blocked } = await openPage(`/pages/${name}.html`);
    // On a timeout the comparison below shows how far the page got.
    const completed = await page
      .waitForFunction(() => (window as unknown as ChatPage).done, undefined, { timeout: 15_000 })
      .then(() => true, () => false);
    mkdirSync(resultsDir, { recursive: true });
    await page.screenshot({ path: join(resultsDir, `${name}.png`), fullPage: true });
    const transcript = await page.evaluate(() => (window as unknown as ChatPage).transcript);

    expect({ completed, transcript }).toEqual({
      completed: true,
      transcript: {
        alice: [
          'onLoginSuccess uid(alice)',
          'onChannelJoined lobby',
          'onChannelUserList alice/uid(alice)',
          'onChannelUserJoined bob uid(bob)',
          'onMessageChannelReceive alice uid(alice) hello bob',
          'messageChannelSend done',
          'onMessageInstantReceive bob 0 hi alice',
          'onChannelAttrUpdated topic legacy apps update',
          'channelSetAttr done',
          'onInviteReceivedByPeer bob',
          'onInviteAcceptedByPeer ok',
          'onInviteEndByMyself ""',
          'onChannelUserLeaved bob uid(bob)',
          'onLogout 101',
        ],
        bob: [
          'onLoginSuccess uid(bob)',
          'onChannelJoined lobby',
          'onChannelUserList alice/uid(alice),bob/uid(bob)',
          'onMessageChannelReceive alice uid(alice) hello bob',
          'messageInstantSend failed=false',
          'onChannelAttrUpdated topic legacy apps update',
          'onInviteReceived alice call-room {"type":"video"}',
          'onInviteEndByPeer ',
          'onChannelLeaved 0',
          'onLogout 101',
        ],
      },
    });
    expect(failures).toEqual([]);
    expect(blocked).toEqual([]);
  }, 30_000);

  test('with the real agora-rtm-sdk 1.6.0 loaded first and no network, login ends in one onLoginFailed', async () => {
    const { page, failures, blocked } = await openPage('/pages/real-sdk-offline.html');
    // The real SDK gives up on its own login timer (about 12 s), so wait for the page, not a delay.
    await page.waitForFunction(() => (window as unknown as OfflinePage).transcript.length > 0, undefined, {
      timeout: 45_000,
    });
    const transcript = await page.evaluate(() => (window as unknown as OfflinePage).transcript);

    expect(transcript).toEqual([['onLoginFailed', expect.any(Number), 0]]);
    expect(WEB_LOGIN_FAILURE_CODES).toContain(transcript[0][1]);
    // Requests to Agora were attempted (and aborted): the shim used window.AgoraRTM, not a fallback.
    expect(blocked.some((url) => /agora|sd-rtn/.test(new URL(url).hostname))).toBe(true);
    expect(failures).toEqual([]);
  }, 60_000);

  test('the Web-only script with agora-rtm-sdk 2.3.0 loaded first fails the login at once, naming the full script', async () => {
    const { page, failures, blocked, warnings } = await openPage('/pages/real-sdk2-web-only.html');
    await page.waitForFunction(() => (window as unknown as OfflinePage).transcript.length > 0, undefined, { timeout: 15_000 });
    const transcript = await page.evaluate(() => (window as unknown as OfflinePage).transcript);

    expect(transcript).toEqual([['onLoginFailed', 201, 0]]);
    expect(warnings).toEqual([expect.stringContaining('needs signaling-compat.global.js')]);
    // The login never reached the 2.x SDK.
    expect(blocked).toEqual([]);
    expect(failures).toEqual([]);
  }, 30_000);

  test('with the real agora-rtm-sdk 2.3.0 loaded first and no network, login ends in one onLoginFailed(201)', async () => {
    const { page, failures, blocked } = await openPage('/pages/real-sdk2-offline.html');
    // 2.x never gives up a login by itself; the adapter's 12 s login timeout ends it.
    await page.waitForFunction(() => (window as unknown as OfflinePage).transcript.length > 0, undefined, {
      timeout: 45_000,
    });
    const transcript = await page.evaluate(() => (window as unknown as OfflinePage).transcript);

    expect(transcript).toEqual([['onLoginFailed', 201, 0]]);
    // The 2.x SDK tried Agora's access points (and was refused): the shim used window.AgoraRTM.
    expect(blocked.some((url) => /agora|sd-rtn/.test(new URL(url).hostname))).toBe(true);
    expect(failures).toEqual([]);
  }, 60_000);
});
