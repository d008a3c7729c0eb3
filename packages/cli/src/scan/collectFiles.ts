import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';

/** Extensions the scanner parses; `.html` / `.vue` contribute their `<script>` blocks. */
export const SCANNED_EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx', '.html', '.htm', '.vue']);

/** Directories that hold dependencies, build output or VCS data, never app sources. */
export const IGNORED_DIRECTORIES = new Set(['node_modules', 'dist', 'build', 'coverage', '.git']);

/**
 * Files that are not app code: minified bundles and vendored copies of the legacy SDK itself
 * (`AgoraSig-1.4.0.js`), whose internals would otherwise read as thousands of uses.
 */
export function isIgnoredFile(name: string): boolean {
  return /\.min\.[cm]?js$/i.test(name) || /^AgoraSig.*\.js$/i.test(name);
}

export interface CollectedFiles {
  /** Absolute paths, sorted. */
  files: string[];
  /** Arguments that do not exist. */
  missing: string[];
  /** Absolute paths of directories that could not be read. */
  unreadable: string[];
}

/**
 * Expands the given paths into the source files to scan. Directories are walked without
 * following symbolic links (no cycles); a file named explicitly is scanned whatever its name.
 */
export async function collectFiles(paths: readonly string[], cwd: string): Promise<CollectedFiles> {
  const found: CollectedFiles = { files: [], missing: [], unreadable: [] };
  const files = new Set<string>();
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const info = await stat(absolute).catch(() => undefined);
    if (info === undefined) found.missing.push(path);
    else if (info.isDirectory()) await walkDirectory(absolute, files, found.unreadable);
    else if (SCANNED_EXTENSIONS.has(extname(absolute).toLowerCase())) files.add(absolute);
  }
  found.files = [...files].sort();
  return found;
}

async function walkDirectory(directory: string, files: Set<string>, unreadable: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch {
    unreadable.push(directory);
    return;
  }
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!IGNORED_DIRECTORIES.has(entry.name)) await walkDirectory(path, files, unreadable);
    } else if (entry.isFile() && SCANNED_EXTENSIONS.has(extname(entry.name).toLowerCase()) && !isIgnoredFile(entry.name)) {
      files.add(path);
    }
  }
}
