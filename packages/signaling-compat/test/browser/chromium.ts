/**
 * The system Chromium (Debian's `chromium` package), driven by playwright-core. Playwright's own
 * browser download is never used; on a machine without `/usr/bin/chromium` the browser tests skip.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-quic',
      '--disable-sync',
      // Belt and braces with the request routing below: no host name resolves, so nothing but
      // the local test server is reachable even for requests the routing cannot see.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
}

/** Aborts every HTTP request and WebSocket that is not for the local test server. */
export async function confineToLocalhost(page: Page): Promise<string[]> {
  const blocked: string[] = [];
  const isLocal = (url: string) => new URL(url).hostname === '127.0.0.1';
  await page.route('**/*', (route) => {
    if (isLocal(route.request().url())) return route.continue();
    blocked.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  await page.routeWebSocket(/.*/, (socket) => {
    if (isLocal(socket.url())) return socket.connectToServer();
    blocked.push(socket.url());
    return socket.close();
  });
  return blocked;
}

/** Everything the page reports as going wrong: uncaught errors and unhandled rejections. */
export async function collectPageFailures(page: Page): Promise<string[]> {
  const failures: string[] = [];
  page.on('pageerror', (error) => failures.push(`pageerror: ${error.message}`));
  await page.exposeFunction('__reportUnhandledRejection', (reason: string) =>
    failures.push(`unhandledrejection: ${reason}`),
  );
  await page.addInitScript(() => {
    window.addEventListener('unhandledrejection', (event) => {
      const report = (window as unknown as { __reportUnhandledRejection(reason: string): void })
        .__reportUnhandledRejection;
      report(String(event.reason && (event.reason.stack || event.reason.message) || event.reason));
    });
  });
  return failures;
}
