/**
 * `signaling-compat-cli scan [paths…]`: finds legacy Signaling uses and says what each becomes on
 * RTM 1.x, from the mapping table (`signaling-compat/mapping`).
 */

import type { MappingStatus } from 'signaling-compat/mapping';
import { UsageError } from '../command';
import type { CliIo } from '../io';
import { failsOn } from './failOn';
import { formatJson } from './report/formatJson';
import { formatMarkdown } from './report/formatMarkdown';
import { formatSarif } from './report/formatSarif';
import { formatText } from './report/formatText';
import { MissingPathsError, scanPaths } from './scanPaths';
import type { ScanResult } from './types';

/** Trees with more files than this get a progress line on stderr every this many files. */
export const PROGRESS_EVERY = 1000;

export interface ScanCommandOptions {
  paths: readonly string[];
  json: boolean;
  markdown: boolean;
  sarif: boolean;
  failOn: MappingStatus | undefined;
  ignore: readonly string[];
  gitignore: boolean;
}

const FORMATS = { json: formatJson, markdown: formatMarkdown, sarif: formatSarif } as const;

/**
 * Scans and prints the report; resolves to 0, or 1 when `--fail-on` finds its status. Unreadable
 * and unparsable files become warnings on stderr; a missing path is a usage error.
 */
export async function runScanCommand(options: ScanCommandOptions, io: CliIo): Promise<number> {
  const chosen = (Object.keys(FORMATS) as Array<keyof typeof FORMATS>).filter((format) => options[format]);
  if (chosen.length > 1) throw new UsageError(`${chosen.map((format) => `--${format}`).join(' and ')} cannot be combined`);
  let result: ScanResult;
  try {
    result = await scanPaths(options.paths.length === 0 ? ['.'] : options.paths, {
      cwd: io.cwd,
      ignore: options.ignore,
      gitignore: options.gitignore,
      onProgress: (done, total) => {
        if (total > PROGRESS_EVERY && (done % PROGRESS_EVERY === 0 || done === total)) {
          io.stderr(`scan: ${done}/${total} files\n`);
        }
      },
    });
  } catch (error) {
    if (error instanceof MissingPathsError) throw new UsageError(error.message);
    throw error;
  }
  for (const warning of result.warnings) {
    const at = warning.line === undefined ? warning.file : `${warning.file}:${warning.line}:${warning.column}`;
    io.stderr(`warning: ${at}: ${warning.message}\n`);
  }
  const format = chosen.length === 0 ? formatText : FORMATS[chosen[0]];
  io.stdout(format(result, io.cwd));
  return options.failOn !== undefined && failsOn(result.findings, options.failOn) ? 1 : 0;
}
