import { readdir, stat } from 'node:fs/promises';
import { extname, join, relative, resolve } from 'node:path';
import { type IgnoreRules, gitignoreRules, inheritedGitignoreRules, isIgnored, patternRules } from './ignoreRules';

/** Extensions the scanner parses; `.html` / `.vue` contribute their `<script>` blocks. */
export const SCANNED_EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx', '.html', '.htm', '.vue']);

/** Directories that hold dependencies, build output or VCS data, never app sources. */
export const IGNORED_DIRECTORIES = new Set(['node_modules', 'dist', 'build', 'coverage', '.next', '.nuxt', '.git']);

/**
 * Files that are not app code: minified bundles and vendored copies of the legacy SDK itself
 * (`AgoraSig-1.4.0.js`), whose internals would otherwise read as thousands of uses.
 */
export function isIgnoredFile(name: string): boolean {
  return /\.min\.[cm]?js$/i.test(name) || /^AgoraSig.*\.js$/i.test(name);
}

export interface CollectOptions {
  /** `--ignore` patterns, `.gitignore` syntax, relative to the working directory. */
  ignore?: readonly string[];
  /** Whether `.gitignore` files are honoured (default true). */
  gitignore?: boolean;
}

export interface CollectedFiles {
  /** Absolute paths, sorted. */
  files: string[];
  /** Arguments that do not exist. */
  missing: string[];
  /** Absolute paths of directories that could not be read. */
  unreadable: string[];
}

interface Walk {
  files: Set<string>;
  unreadable: string[];
  gitignore: boolean;
  /** The `--ignore` patterns, always applied on top of `.gitignore`. */
  patterns: IgnoreRules | undefined;
}

/**
 * Expands the given paths into the source files to scan. Directories are walked without
 * following symbolic links (no cycles), leaving out what the ignore rules exclude; a path named
 * explicitly is scanned whatever its name and whatever the rules say about it.
 */
export async function collectFiles(paths: readonly string[], cwd: string, options: CollectOptions = {}): Promise<CollectedFiles> {
  const found: CollectedFiles = { files: [], missing: [], unreadable: [] };
  const walk: Walk = { files: new Set(), unreadable: found.unreadable, gitignore: options.gitignore ?? true, patterns: undefined };
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const info = await stat(absolute).catch(() => undefined);
    if (info === undefined) found.missing.push(path);
    else if (info.isDirectory()) {
      // Patterns are relative to the working directory; for a tree outside it, to the tree itself.
      const base = relative(cwd, absolute).startsWith('..') ? absolute : cwd;
      walk.patterns = patternRules(base, options.ignore ?? []);
      await walkDirectory(absolute, await startingRules(absolute, walk.gitignore), walk);
    } else if (SCANNED_EXTENSIONS.has(extname(absolute).toLowerCase())) walk.files.add(absolute);
  }
  found.files = [...walk.files].sort();
  return found;
}

/**
 * The `.gitignore` rules from above a named directory. When they exclude the directory itself,
 * naming it asks for it anyway, and only the `.gitignore` files inside it apply.
 */
async function startingRules(directory: string, gitignore: boolean): Promise<IgnoreRules[]> {
  if (!gitignore) return [];
  const inherited = await inheritedGitignoreRules(directory);
  return isIgnored(inherited, directory, true) ? [] : inherited;
}

async function walkDirectory(directory: string, inherited: readonly IgnoreRules[], walk: Walk): Promise<void> {
  let entries;
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch {
    walk.unreadable.push(directory);
    return;
  }
  const own = walk.gitignore && entries.some((entry) => entry.name === '.gitignore' && entry.isFile()) ? await gitignoreRules(directory) : undefined;
  const rules = own === undefined ? inherited : [...inherited, own];
  const excluded = (path: string, isDirectory: boolean) =>
    isIgnored(rules, path, isDirectory) || (walk.patterns !== undefined && isIgnored([walk.patterns], path, isDirectory));
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!IGNORED_DIRECTORIES.has(entry.name) && !excluded(path, true)) await walkDirectory(path, rules, walk);
    } else if (entry.isFile() && SCANNED_EXTENSIONS.has(extname(entry.name).toLowerCase()) && !isIgnoredFile(entry.name) && !excluded(path, false)) {
      walk.files.add(path);
    }
  }
}
