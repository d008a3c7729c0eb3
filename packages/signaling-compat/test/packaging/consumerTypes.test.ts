/**
 * The packed package's types, as TypeScript apps see them in every module resolution mode: one
 * consumer project per mode compiles the files of `types/` and the README's code snippets (taken
 * from README.md here, so the README cannot drift from what compiles), under `strict`, with the
 * package's declaration files checked too (`skipLibCheck: false`).
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { packedLibrary, repoRoot, workspaceRoot } from './build';
import { installedProject, type ConsumerProject } from './consumerProject';

const run = promisify(execFile);
const fixtures = join(repoRoot, 'test/packaging/types');

interface Mode {
  compilerOptions: Record<string, unknown>;
  /** Files of `types/` compiled in this mode. */
  files: string[];
  /** The extension the README snippets get (ESM in every mode that has it), or none. */
  snippets?: '.mts' | '.ts';
  /** Leaves out snippets using top-level `await`, which only ES modules have. */
  noTopLevelAwait?: boolean;
  /**
   * Leaves out snippets importing agora-rtm-sdk. Its 1.x declarations say `export default` for a
   * CommonJS file (module.exports = AgoraRTM), so under node16/nodenext an ES module's default
   * import of it is typed as the module object, though at run time it is AgoraRTM itself; the
   * README's TypeScript section says so.
   */
  noAgoraDefaultImport?: boolean;
}

const node16 = { module: 'node16', moduleResolution: 'node16' };
const nodenext = { module: 'nodenext', moduleResolution: 'nodenext' };

// ES modules and CommonJS modules of one mode are separate programs: each copy of the package's
// declarations declares the global `Signal` of `signaling-compat/global` with its own types, so one
// program may import that subpath from modules of one kind only.
const MODES: Record<string, Mode> = {
  'node16 (ESM)': { compilerOptions: node16, files: ['esm.mts'], snippets: '.mts', noAgoraDefaultImport: true },
  'node16 (CommonJS)': { compilerOptions: node16, files: ['cjs.cts'] },
  'nodenext (ESM)': { compilerOptions: nodenext, files: ['esm.mts'], snippets: '.mts', noAgoraDefaultImport: true },
  'nodenext (CommonJS)': { compilerOptions: nodenext, files: ['cjs.cts'] },
  bundler: { compilerOptions: { module: 'esnext', moduleResolution: 'bundler' }, files: ['bundler.ts'], snippets: '.ts' },
  node10: {
    compilerOptions: { module: 'commonjs', moduleResolution: 'node', esModuleInterop: true },
    files: ['node10.ts'],
    snippets: '.ts',
    noTopLevelAwait: true,
  },
  checkJs: { compilerOptions: { ...nodenext, allowJs: true, checkJs: true }, files: ['checkjs.cjs', 'checkjs.mjs'] },
};

const COMMON_OPTIONS = { strict: true, noEmit: true, target: 'es2022', lib: ['es2022', 'dom'], types: [], skipLibCheck: false };

/**
 * Names the README's snippets use without defining them, as placeholders for the reader's own
 * values or because an earlier snippet imported them: each snippet gets the ones it uses and does
 * not bind itself.
 */
const PLACEHOLDERS: Record<string, string> = {
  Signal: "import Signal from 'signaling-compat';",
  AgoraRTM: "import AgoraRTM from 'agora-rtm-sdk';",
  appId: 'declare const appId: string;',
  account: 'declare const account: string;',
  token: 'declare const token: string;',
  rtm: "declare const rtm: import('signaling-compat').RtmNamespaceLike;",
};

/** The README's JavaScript snippets that use the package; a diff contributes its new side. */
function readmeSnippets(): string[] {
  const readme = readFileSync(join(workspaceRoot, 'README.md'), 'utf8');
  return [...readme.matchAll(/^```(js|diff)\n([\s\S]*?)^```$/gm)]
    .map(([, language, body]) =>
      language === 'diff'
        ? body
            .split('\n')
            .filter((line) => !line.startsWith('-'))
            .map((line) => line.slice(1))
            .join('\n')
        : body,
    )
    .filter((snippet) => /\bSignal\b/.test(snippet));
}

function withPlaceholders(snippet: string): string {
  const prelude = Object.entries(PLACEHOLDERS).filter(([name]) => {
    const uses = new RegExp(`\\b${name}\\b`).test(snippet);
    const binds = new RegExp(`\\b(?:const|let|var|import)\\s+${name}\\b|import\\s*\\{[^}]*\\b${name}\\b`).test(snippet);
    return uses && !binds;
  });
  return `${prelude.map(([, line]) => line).join('\n')}\n${snippet}`;
}

let project: ConsumerProject;

beforeAll(async () => {
  project = await installedProject([await packedLibrary()]);
  // The optional peer the README installs for the real cloud, as the workspace has it.
  cpSync(join(workspaceRoot, 'node_modules/agora-rtm-sdk'), join(project.dir, 'node_modules/agora-rtm-sdk'), { recursive: true });
}, 300_000);

afterAll(() => project?.remove());

test('the README has the snippets this test compiles', () => {
  const snippets = readmeSnippets();
  expect(snippets.length).toBeGreaterThanOrEqual(4);
  expect(snippets.some((snippet) => snippet.includes("from 'signaling-compat/fake'"))).toBe(true);
});

describe('a consumer project type-checks', () => {
  for (const [name, mode] of Object.entries(MODES)) {
    test(`under ${name}`, async () => {
      const dir = join(project.dir, name.replace(/\W+/g, '-'));
      mkdirSync(dir);
      for (const file of mode.files) cpSync(join(fixtures, file), join(dir, file));
      const snippets = mode.snippets
        ? readmeSnippets().filter(
            (snippet) =>
              !(mode.noTopLevelAwait && /^await /m.test(snippet)) &&
              !(mode.noAgoraDefaultImport && /\bAgoraRTM\b/.test(snippet)) &&
              // A snippet for agora-rtm-sdk 2.x (marked `// 2.x`) needs 2.x's own declarations, which
              // import @types/node and @types/debug; the adapter's fit to them is proven by
              // test/types/rtm2-conformance.test-d.ts instead.
              !/from 'agora-rtm-sdk'; \/\/ 2\.x/.test(snippet),
          )
        : [];
      const snippetFiles = snippets.map((snippet, index) => {
        const file = `readme-${index + 1}${mode.snippets}`;
        writeFileSync(join(dir, file), withPlaceholders(snippet));
        return file;
      });
      const tsconfig = { compilerOptions: { ...COMMON_OPTIONS, ...mode.compilerOptions }, files: [...mode.files, ...snippetFiles] };
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
      const tsc = join(workspaceRoot, 'node_modules/.bin/tsc');
      const outcome = await run(tsc, ['-p', dir]).then(
        () => '',
        (error: { stdout?: string }) => error.stdout ?? String(error),
      );
      expect(outcome).toBe('');
    }, 60_000);
  }
});
