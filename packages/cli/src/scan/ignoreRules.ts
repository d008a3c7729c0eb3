/**
 * Which paths a directory walk leaves out: `.gitignore` files, read as git reads them (each applies
 * to its own directory and below, a deeper file overrides a shallower one, `!pattern` re-includes),
 * and the `--ignore` patterns, which always exclude. The matching itself is the `ignore` package's.
 */

import { readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** The patterns of one ignore file (or of `--ignore`) and the directory they are relative to. */
export interface IgnoreRules {
  base: string;
  rules: Ignore;
}

/** `path` relative to `base`, `/`-separated, with a trailing `/` for a directory as git writes it. */
function relativePath(base: string, path: string, isDirectory: boolean): string | undefined {
  const rel = relative(base, path).split(sep).join('/');
  if (rel === '' || rel.startsWith('../') || rel === '..') return undefined;
  return isDirectory ? `${rel}/` : rel;
}

/** The deepest rules that say anything about `path` decide; no rule at all keeps it. */
export function isIgnored(stack: readonly IgnoreRules[], path: string, isDirectory: boolean): boolean {
  for (let index = stack.length - 1; index >= 0; index--) {
    const { base, rules } = stack[index];
    const rel = relativePath(base, path, isDirectory);
    if (rel === undefined) continue;
    const verdict = rules.test(rel);
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}

/** `--ignore` patterns match anywhere a `.gitignore` line would, relative to `base`. */
export function patternRules(base: string, patterns: readonly string[]): IgnoreRules | undefined {
  return patterns.length === 0 ? undefined : { base, rules: ignore().add([...patterns]) };
}

/** The `.gitignore` of `directory`, if it has one that can be read. */
export async function gitignoreRules(directory: string): Promise<IgnoreRules | undefined> {
  const text = await readFile(join(directory, '.gitignore'), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : { base: directory, rules: ignore().add(text) };
}

/**
 * The `.gitignore` files above `directory` that apply to it: those of its ancestors up to the top
 * of the git work tree it lies in (the nearest one holding `.git`), outermost first. Outside a work
 * tree no file above applies, as git would have none.
 */
export async function inheritedGitignoreRules(directory: string): Promise<IgnoreRules[]> {
  const ancestors: string[] = [];
  for (let current = directory; ; ) {
    if (await exists(join(current, '.git'))) {
      const stack: IgnoreRules[] = [];
      for (const ancestor of ancestors.reverse()) {
        const rules = await gitignoreRules(ancestor);
        if (rules !== undefined) stack.push(rules);
      }
      return stack;
    }
    const parent = dirname(current);
    if (parent === current) return [];
    ancestors.push(parent);
    current = parent;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
