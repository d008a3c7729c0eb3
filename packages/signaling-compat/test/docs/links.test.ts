import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

/**
 * The Markdown a newcomer reads — the repository's top-level pages, each package's README, docs and
 * migration guide — links only to files and headings that exist, and names the CLI by its bin.
 */

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));

function markdownUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownUnder(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

function pages(): string[] {
  const packages = readdirSync(join(REPO, 'packages')).map((name) => join(REPO, 'packages', name));
  return [
    ...['README.md', 'BENCHMARKS.md', 'CHANGELOG.md'].map((name) => join(REPO, name)),
    ...packages.flatMap((dir) => ['README.md', 'migration-guide.md'].map((name) => join(dir, name))),
    ...packages.flatMap((dir) => markdownUnder(join(dir, 'docs'))),
  ].filter((path) => existsSync(path));
}

/** The text outside fenced code blocks, where a `](…)` is a link. */
const prose = (text: string) => text.replace(/^```[\s\S]*?^```/gm, '');

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchorsOf(file: string): Set<string> {
  const headings = [...prose(readFileSync(file, 'utf8')).matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => m[1]!);
  return new Set(
    headings.map((heading) =>
      heading
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-'),
    ),
  );
}

test('every relative link resolves to a file, and every #anchor to one of its headings', () => {
  const files = pages();
  expect(files.map((file) => relative(REPO, file))).toContain('packages/cli/README.md');
  const broken = files.flatMap((file) =>
    [...prose(readFileSync(file, 'utf8')).matchAll(/\]\(([^)\s]+)\)/g)]
      .map((m) => m[1]!)
      .filter((href) => !/^[a-z]+:/i.test(href))
      .filter((href) => {
        const [path, anchor] = href.split('#') as [string, string | undefined];
        const target = path === '' ? file : join(dirname(file), decodeURIComponent(path));
        if (!existsSync(target)) return true;
        return anchor !== undefined && target.endsWith('.md') && !anchorsOf(target).has(anchor);
      })
      .map((href) => `${relative(REPO, file)}: ${href}`),
  );
  expect(broken).toEqual([]);
});

test('commands are given as the CLI package names its bin, signaling-compat-cli', () => {
  const stale = pages().flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/\bnpx signaling-compat (\w+)/g)].map((m) => `${relative(REPO, file)}: ${m[0]}`),
  );
  expect(stale).toEqual([]);
});
