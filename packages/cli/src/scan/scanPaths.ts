import { readFile, stat } from 'node:fs/promises';
import { extname, relative, sep } from 'node:path';
import { type CollectOptions, collectFiles } from './collectFiles';
import { scanSource } from './scanSource';
import type { ScanResult } from './types';

/** Files larger than this are generated or bundled code, not app sources. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** How many files are read ahead of the one being scanned. */
const READ_AHEAD = 32;

export interface ScanOptions extends CollectOptions {
  /** Directory the paths are relative to; reported file names are relative to it too. */
  cwd: string;
  /** Called after each file with the number done and the total. */
  onProgress?: (done: number, total: number) => void;
}

/** Paths that do not exist, found before scanning: the caller decides how to report them. */
export class MissingPathsError extends Error {
  /** The paths as given. */
  readonly paths: readonly string[];

  constructor(paths: readonly string[]) {
    super(`no such file or directory: ${paths.join(', ')}`);
    this.name = 'MissingPathsError';
    this.paths = paths;
  }
}

/** Scans files and directories for legacy Signaling uses. Rejects only with `MissingPathsError`. */
export async function scanPaths(paths: readonly string[], options: ScanOptions): Promise<ScanResult> {
  const { cwd, onProgress } = options;
  const collected = await collectFiles(paths, cwd, options);
  if (collected.missing.length > 0) throw new MissingPathsError(collected.missing);
  const display = (path: string) => relative(cwd, path).split(sep).join('/') || '.';
  const result: ScanResult = { files: 0, findings: [], warnings: [] };
  for (const directory of collected.unreadable) {
    result.warnings.push({ file: display(directory), message: 'could not read the directory; skipped' });
  }
  // Reads run ahead of the scanning (file systems answer many small reads faster in parallel);
  // files are still scanned and reported in path order.
  const reads = new Map<number, Promise<SourceText>>();
  const readAhead = (index: number) => {
    const path = collected.files[index];
    if (path !== undefined) reads.set(index, readSource(path));
  };
  for (let index = 0; index < READ_AHEAD; index++) readAhead(index);
  for (let index = 0; index < collected.files.length; index++) {
    const path = collected.files[index];
    const file = display(path);
    const source = await reads.get(index);
    reads.delete(index);
    readAhead(index + READ_AHEAD);
    if (source?.text !== undefined) {
      result.files++;
      const { findings, warnings } = scanSource(file, source.text, extname(path).toLowerCase());
      result.findings.push(...findings);
      result.warnings.push(...warnings);
    } else if (source?.problem !== undefined) {
      result.warnings.push({ file, message: source.problem });
    }
    onProgress?.(index + 1, collected.files.length);
  }
  result.findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  return result;
}

/** A file's text, or why it was not read. */
interface SourceText {
  text?: string;
  problem?: string;
}

async function readSource(path: string): Promise<SourceText> {
  try {
    const { size } = await stat(path);
    if (size > MAX_FILE_BYTES) return { problem: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB, probably generated; skipped` };
    return { text: await readFile(path, 'utf8') };
  } catch (error) {
    return { problem: `could not read (${(error as NodeJS.ErrnoException).code ?? String(error)}); skipped` };
  }
}
