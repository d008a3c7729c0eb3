import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { runInThisContext } from 'node:vm';
import type { RtmNamespaceLike } from '../../../src/rtm/types';

/**
 * agora-rtm-sdk 1.6.0, the real bundle, loaded offline in Node. The bundle expects a browser:
 * `window`, `navigator`, a `Worker` it feeds setInterval requests to (its background-tab timer),
 * `URL.createObjectURL` for that worker's script, and XHR/WebSocket for the network. Each of
 * those is a local stand-in, and the network ones fail, so nothing can leave the machine: an
 * access-point request errors at once and a socket cannot be opened.
 *
 * Only the oracle test files load this module; the globals it installs stay in their workers.
 */

/** The bundle's timer worker: it posts `{name: 'setInterval'|'clearInterval', fakeId, time}`. */
class TimerWorker {
  onmessage: ((event: { data: { fakeId: number } }) => void) | null = null;
  readonly #timers = new Map<number, ReturnType<typeof setInterval>>();
  postMessage(data: { name: string; fakeId: number; time?: number }): void {
    if (data.name === 'setInterval') {
      this.#timers.set(
        data.fakeId,
        setInterval(() => this.onmessage?.({ data: { fakeId: data.fakeId } }), data.time),
      );
    } else if (data.name === 'clearInterval') {
      clearInterval(this.#timers.get(data.fakeId));
      this.#timers.delete(data.fakeId);
    }
  }
  terminate(): void {
    for (const timer of this.#timers.values()) clearInterval(timer);
    this.#timers.clear();
  }
}

/** An XHR that fails every request on the next tick, as an offline browser does. */
class OfflineXhr {
  readyState = 0;
  status = 0;
  responseText = '';
  timeout = 0;
  onerror: ((event: unknown) => void) | null = null;
  onload: (() => void) | null = null;
  onreadystatechange: (() => void) | null = null;
  ontimeout: (() => void) | null = null;
  open(): void {
    this.readyState = 1;
  }
  setRequestHeader(): void {}
  abort(): void {}
  send(): void {
    queueMicrotask(() => {
      this.readyState = 4;
      this.onreadystatechange?.();
      this.onerror?.(new Error('offline'));
    });
  }
}

class NoWebSocket {
  constructor() {
    throw new Error('offline: WebSocket is not available');
  }
}

function installBrowserGlobals(): void {
  const host = globalThis as Record<string, unknown>;
  host.window ??= globalThis;
  host.navigator ??= { userAgent: `Node.js ${process.version}` };
  host.Worker = TimerWorker;
  host.XMLHttpRequest = OfflineXhr;
  host.WebSocket = NoWebSocket;
  host.fetch = () => Promise.reject(new Error('offline'));
  (URL as unknown as { createObjectURL: () => string }).createObjectURL = () => 'blob:rtm-timer-worker';
}

let loaded: RtmNamespaceLike | undefined;

/**
 * The real `AgoraRTM` namespace (the bundle is UMD: under CommonJS the export is the namespace).
 * It is evaluated as a browser would see it: no Node `Buffer` and no Node modules, so its bundled
 * protobuf encoder takes its browser path (under Node it would pick `Buffer`, which throws where
 * the browser code does not, e.g. for the telemetry of a login with a numeric uid).
 */
export function loadRealRtm(): RtmNamespaceLike {
  if (!loaded) {
    installBrowserGlobals();
    const path = createRequire(import.meta.url).resolve('agora-rtm-sdk');
    const source = readFileSync(path, 'utf8');
    const wrapper = runInThisContext(`(function (module, exports, require, Buffer) {\n${source}\n})`, {
      filename: path,
    }) as (module: { exports: unknown }, exports: unknown, require: (id: string) => never, buffer: undefined) => void;
    const module = { exports: {} as unknown };
    const noNodeModules = (id: string): never => {
      throw new Error(`the browser bundle asked for the Node module "${id}"`);
    };
    wrapper(module, module.exports, noNodeModules, undefined);
    loaded = module.exports as RtmNamespaceLike;
  }
  return loaded;
}
