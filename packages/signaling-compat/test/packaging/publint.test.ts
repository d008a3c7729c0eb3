import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { ensureBuilt } from './build';

let packageDir: string;

beforeAll(async () => {
  ({ packageDir } = await ensureBuilt());
}, 180_000);

test('publint finds nothing to say about the package, suggestions included', async () => {
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const { messages } = await publint({ pkgDir: packageDir, level: 'suggestion', strict: true });
  expect(messages.map((message) => `${message.type}: ${formatMessage(message, pkg)}`)).toEqual([]);
}, 60_000);
