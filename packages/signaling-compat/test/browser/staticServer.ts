/**
 * A static file server on 127.0.0.1 (ephemeral port) for the browser tests: the only origin the
 * page may reach. Each URL prefix maps to one directory; nothing outside those directories is served.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

export async function serveStatic(mounts: Record<string, string>): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const file = resolveFile(mounts, new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function resolveFile(mounts: Record<string, string>, pathname: string): string | undefined {
  for (const [prefix, dir] of Object.entries(mounts)) {
    if (!pathname.startsWith(prefix)) continue;
    const root = resolve(dir);
    const file = normalize(join(root, decodeURIComponent(pathname.slice(prefix.length))));
    if ((file + sep).startsWith(root + sep) && existsSync(file) && statSync(file).isFile()) return file;
  }
  return undefined;
}
