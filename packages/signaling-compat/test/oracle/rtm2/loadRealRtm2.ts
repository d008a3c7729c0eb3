import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * Loads the real agora-rtm-sdk 2.3.0 bundle (`agora-rtm-sdk-2`) offline in Node: the browser
 * globals it reads (window, document, navigator, location, storage), a WebSocket, fetch and
 * XMLHttpRequest that always fail (so nothing reaches the network), and `agora-rtc-sdk-ng`
 * resolved to a stand-in module. Import this only from the oracle's own test file: the globals
 * stay in that file's worker.
 */
export interface RealRtm2 {
  RTM: new (appId: string, userId: string, config?: object) => any;
  RTMBaseError: new (...args: any[]) => Error;
  VERSION: string;
  BUILD: string;
  constantsType: Record<string, unknown>;
  setParameter(key: string, value: unknown): void;
  getParameter(key: string): unknown;
  setArea(config: unknown): void;
}

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, String(value)),
    removeItem: (key: string) => void items.delete(key),
    clear: () => items.clear(),
    key: (index: number) => [...items.keys()][index] ?? null,
    get length() {
      return items.size;
    },
  };
}

const element = () => ({
  style: {},
  setAttribute() {},
  appendChild() {},
  getContext: () => null,
  captureStream: () => null,
});

/** A WebSocket whose connection always fails, asynchronously, like a browser without network. */
class OfflineWebSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  readonly url: string;
  readyState = 0;
  onerror: ((event: unknown) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: unknown) => void) | null = null;
  constructor(url: string) {
    this.url = url;
    setTimeout(() => {
      this.readyState = 3;
      this.onerror?.({ type: 'error' });
      this.onclose?.({ type: 'close', code: 1006, reason: '', wasClean: false });
    }, 0);
  }
  send() {}
  close() {
    this.readyState = 3;
  }
  addEventListener() {}
  removeEventListener() {}
}

class OfflineXMLHttpRequest {
  readyState = 0;
  status = 0;
  responseText = '';
  onerror: ((event: unknown) => void) | null = null;
  onloadend: ((event: unknown) => void) | null = null;
  onreadystatechange: (() => void) | null = null;
  open() {}
  setRequestHeader() {}
  abort() {}
  addEventListener() {}
  removeEventListener() {}
  send() {
    setTimeout(() => {
      this.readyState = 4;
      this.onreadystatechange?.();
      this.onerror?.({ type: 'error' });
      this.onloadend?.({ type: 'loadend' });
    }, 0);
  }
}

function installBrowserGlobals(): void {
  const host = globalThis as Record<string, unknown>;
  host.window = globalThis;
  host.document = {
    createElement: element,
    addEventListener() {},
    removeEventListener() {},
    body: { appendChild() {} },
    head: { appendChild() {} },
    cookie: '',
    visibilityState: 'visible',
    hidden: false,
    getElementsByTagName: () => [],
    querySelector: () => null,
  };
  Object.defineProperty(globalThis, 'navigator', {
    value: { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0 Safari/537.36', language: 'en', platform: 'Linux', onLine: false },
    configurable: true,
  });
  host.location = { href: 'http://localhost/', protocol: 'http:', host: 'localhost', hostname: 'localhost', origin: 'http://localhost', search: '', hash: '', pathname: '/' };
  host.localStorage = memoryStorage();
  host.sessionStorage = memoryStorage();
  host.addEventListener = () => {};
  host.removeEventListener = () => {};
  host.WebSocket = OfflineWebSocket;
  host.XMLHttpRequest = OfflineXMLHttpRequest;
  host.fetch = () => Promise.reject(new TypeError('Failed to fetch (offline oracle)'));
}

export function loadRealRtm2(): RealRtm2 {
  installBrowserGlobals();
  const require = createRequire(import.meta.url);
  const Module = require('node:module') as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
  const resolve = Module._resolveFilename;
  const stub = fileURLToPath(new URL('./rtcStub.cjs', import.meta.url));
  Module._resolveFilename = function (request: string, ...rest: unknown[]) {
    return request === 'agora-rtc-sdk-ng' ? stub : resolve.call(this, request, ...rest);
  };
  try {
    return require('agora-rtm-sdk-2') as RealRtm2;
  } finally {
    Module._resolveFilename = resolve;
  }
}
