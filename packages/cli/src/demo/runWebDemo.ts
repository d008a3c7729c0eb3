import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startFakeRtmServer } from '../serve/startFakeRtmServer';
import { loadScriptBundles } from './scriptBundles';

/** The demo page, next to `src/` in the repository and next to `dist/` in the installed package. */
function demoPage(): string {
  for (const relative of ['../../demo/legacy-call.html', '../demo/legacy-call.html']) {
    try {
      return readFileSync(fileURLToPath(new URL(relative, import.meta.url)), 'utf8');
    } catch {
      // not at this depth
    }
  }
  throw new Error('the demo page (demo/legacy-call.html) is missing');
}

/**
 * `demo --web`: a fake RTM server and a static page for two browser windows, each one user of an
 * unchanged legacy Web page. The only thing the page is given is the server's address, set
 * before the fake's script tag loads. Runs until `stopped` resolves.
 */
export async function runWebDemo(print: (line: string) => void, stopped: () => Promise<void>): Promise<void> {
  const bundles = await loadScriptBundles();
  const rtm = await startFakeRtmServer();
  const page = demoPage().replace(
    '<script src="/dist/signaling-compat.global.js">',
    `<script>window.SIGNALING_COMPAT_FAKE_SERVER = ${JSON.stringify(rtm.url)};</script>\n  <script src="/dist/signaling-compat.global.js">`,
  );
  const files: Record<string, [string, string]> = {
    '/legacy-call.html': ['text/html; charset=utf-8', page],
    '/dist/signaling-compat.global.js': ['text/javascript; charset=utf-8', bundles.shim],
    '/dist/signaling-compat-fake.global.js': ['text/javascript; charset=utf-8', bundles.fake],
  };
  const http = createServer((request, response) => {
    const file = files[new URL(request.url ?? '/', 'http://localhost').pathname];
    if (!file) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': file[0] }).end(file[1]);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  print('Two users of an unchanged legacy Signaling Web page, on one fake RTM server.');
  print('Open each address in its own browser window:');
  print('');
  print(`  alice (calls):   ${origin}/legacy-call.html?me=alice&peer=bob&role=caller&keep=1`);
  print(`  bob (answers):   ${origin}/legacy-call.html?me=bob&peer=alice&keep=1`);
  print('');
  print('Once both are in, they greet each other, alice shares a channel topic and calls bob,');
  print('bob accepts, alice ends the call; then type into either window to chat over the channel.');
  print(`Fake RTM server: ${rtm.url} (test controls: POST ${rtm.controlUrl}/<name>). Ctrl-C stops.`);
  await stopped();
  http.closeAllConnections();
  await new Promise<void>((resolve) => http.close(() => resolve()));
  await rtm.close();
}
