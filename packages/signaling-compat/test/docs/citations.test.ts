import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

/**
 * Every comment that gives a reason by citing a reference page must point at a page and a section that exist:
 * `docs/reference/<page>.md §<n>` (several sections may follow one page: `§4.7, §4.9`, `§3–§5b`, `§2.3/§4.1`).
 * A section number without a page, a page named without `docs/reference/`, and citations of documents that are
 * not in the repository (`spec/….md`, the numbered source documents) are reported too.
 */

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
const REFERENCE = new URL('../../docs/reference/', import.meta.url);
const THIS_FILE = 'packages/signaling-compat/test/docs/citations.test.ts';

const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs|md|html)$/;
const SKIP = new Set(['node_modules', 'dist', '.tmp', 'reference']);

function filesUnder(dir: string): string[] {
  if (!existsSync(REPO + dir)) return [];
  return readdirSync(REPO + dir, { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : filesUnder(path);
    return SOURCE.test(entry.name) && path !== THIS_FILE ? [path] : [];
  });
}

/** Code, tests, scripts and benchmarks of every package, and the shipped docs outside docs/reference. */
function citingFiles(): string[] {
  const packages = readdirSync(REPO + 'packages');
  return [
    ...packages.flatMap((name) => ['src', 'test', 'scripts', 'docs'].flatMap((sub) => filesUnder(`packages/${name}/${sub}`))),
    ...packages.map((name) => `packages/${name}/migration-guide.md`).filter((path) => existsSync(REPO + path)),
    ...filesUnder('bench'),
    ...filesUnder('scripts'),
  ];
}

/** Section numbers of a page: every Markdown heading that starts with one (`## 5b. Call`, `### 4.11 …`). */
function sectionsOf(page: string): Set<string> {
  const text = readFileSync(new URL(page, REFERENCE), 'utf8');
  return new Set([...text.matchAll(/^#{1,6}\s+(\d+[a-z]?(?:\.\d+)*)[.\s]/gm)].map((m) => m[1]!));
}

const PAGES = new Map(
  readdirSync(REFERENCE)
    .filter((name) => name.endsWith('.md'))
    .map((name) => [name, sectionsOf(name)] as const),
);

const SECTION = String.raw`§\s?\d+[a-z]?(?:\.\d+)*(?: P\d(?:\.\d+)?)?`;
/** Space between a page and its sections, also across a line break of a block or line comment. */
const GAP = String.raw`\s*(?:(?<=\n\s*)(?:\*(?![*/])|\/\/)\s*)?`;
const JOIN = String.raw`(?:${GAP}(?:,|/|–|-|\band\b|\bor\b)?${GAP})`;
const CITATION = new RegExp(String.raw`docs\/reference\/([\w-]+\.md)\x60?((?:${GAP}${SECTION}(?:${JOIN}${SECTION})*)?)`, 'g');

interface Problem {
  where: string;
  problem: string;
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

function problemsIn(file: string): Problem[] {
  const text = readFileSync(REPO + file, 'utf8');
  const problems: Problem[] = [];
  const report = (index: number, problem: string) => problems.push({ where: `${file}:${lineOf(text, index)}`, problem });

  // Resolve every citation, then blank it out so what remains can be checked for stray section signs.
  const rest = text.replace(CITATION, (whole: string, page: string, sections: string, index: number) => {
    const known = PAGES.get(page);
    if (known === undefined) report(index, `no page docs/reference/${page}`);
    else {
      for (const s of sections.matchAll(/§\s?(\d+[a-z]?(?:\.\d+)*)/g)) {
        if (!known.has(s[1]!)) report(index, `docs/reference/${page} has no §${s[1]}`);
      }
    }
    return ' '.repeat(whole.length);
  });
  for (const m of rest.matchAll(new RegExp(SECTION, 'g'))) report(m.index, `"${m[0]}" names no page`);
  for (const m of rest.matchAll(/\bspec\/[\w-]+\.md/g)) report(m.index, `"${m[0]}" is not in the repository`);
  for (const m of rest.matchAll(/\bseeds? 00\d\b/gi)) report(m.index, `"${m[0]}" is not in the repository`);
  for (const page of PAGES.keys()) {
    if (page === 'README.md') continue;
    for (const m of rest.matchAll(new RegExp(String.raw`(?<![\w/.-])${page.replace('.', '\\.')}`, 'g'))) {
      report(m.index, `"${page}" without docs/reference/`);
    }
  }
  return problems;
}

describe('citations of the reference pages', () => {
  const files = citingFiles();

  test('the reference pages are there, with numbered sections', () => {
    for (const page of ['legacy-web-sdk.md', 'server-and-native-api.md', 'rtm1-web-sdk.md', 'rtm2-web-sdk.md', 'mapping-decisions.md', 'legacy-usage.md']) {
      expect(PAGES.get(page)?.size, page).toBeGreaterThan(0);
    }
    expect(files.length).toBeGreaterThan(100);
  });

  test('the checker reads every citation form the code uses', () => {
    const sample = [
      '/** `docs/reference/rtm1-web-sdk.md` §4.7, §4.9 and §3.5 */',
      '// docs/reference/legacy-web-sdk.md §3–§5b; docs/reference/rtm1-web-sdk.md §5 P0.3 / §6.6',
      ' * (docs/reference/legacy-web-sdk.md\n * §4.1, §5.1)',
    ].join('\n');
    const found = [...sample.matchAll(CITATION)].map((m) => [m[1], [...m[2]!.matchAll(/§\s?([\w.]+)/g)].map((s) => s[1])]);
    expect(found).toEqual([
      ['rtm1-web-sdk.md', ['4.7', '4.9', '3.5']],
      ['legacy-web-sdk.md', ['3', '5b']],
      ['rtm1-web-sdk.md', ['5', '6.6']],
      ['legacy-web-sdk.md', ['4.1', '5.1']],
    ]);
  });

  test('the reference pages link only to pages that exist', () => {
    const broken = [...PAGES.keys()].flatMap((page) =>
      [...readFileSync(new URL(page, REFERENCE), 'utf8').matchAll(/\]\(([\w-]+\.md)(?:#[\w-]*)?\)/g)]
        .filter((m) => !PAGES.has(m[1]!))
        .map((m) => `${page} → ${m[1]}`),
    );
    expect(broken).toEqual([]);
  });

  test('every citation names a page and sections that exist, and nothing cites documents outside the repository', () => {
    const problems = files.flatMap(problemsIn).map((p) => `${p.where}: ${p.problem}`);
    expect(problems).toEqual([]);
  });
});
