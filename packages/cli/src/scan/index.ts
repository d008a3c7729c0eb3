/**
 * `signaling-compat scan <paths…>`: finds legacy Signaling uses and says what each becomes on
 * RTM 1.x, from the mapping table (`src/mapping`).
 */

import { formatJson } from './report/formatJson';
import { formatMarkdown } from './report/formatMarkdown';
import { formatText } from './report/formatText';
import { SCAN_USAGE, parseScanArguments } from './scanArguments';
import { MissingPathsError, scanPaths } from './scanPaths';

export { scanPaths, MissingPathsError, type ScanOptions } from './scanPaths';
export type { Confidence, Finding, ScanResult, ScanWarning } from './types';

/** Trees with more files than this get a progress line on stderr every this many files. */
export const PROGRESS_EVERY = 1000;

/** Where the command writes, and the directory paths are relative to. */
export interface ScanIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

/**
 * Runs `scan` with the arguments that follow it on the command line; resolves to the exit code
 * (0, 1 with `--fail-on unsupported` when unsupported uses are found, 2 on a usage error or a
 * missing path). Never rejects: unreadable and unparsable files become warnings on stderr.
 */
export async function runScan(argv: string[], io: ScanIo): Promise<number> {
  const args = parseScanArguments(argv);
  if ('error' in args) {
    io.stderr(`signaling-compat scan: ${args.error}\n\n${SCAN_USAGE}`);
    return 2;
  }
  if (args.help) {
    io.stdout(SCAN_USAGE);
    return 0;
  }
  let result;
  try {
    result = await scanPaths(args.paths, {
      cwd: io.cwd,
      onProgress: (done, total) => {
        if (total > PROGRESS_EVERY && (done % PROGRESS_EVERY === 0 || done === total)) {
          io.stderr(`scan: ${done}/${total} files\n`);
        }
      },
    });
  } catch (error) {
    // Missing paths, or a defect: either way one message and a usage-class exit, not a stack trace.
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`signaling-compat scan: ${message}\n`);
    return 2;
  }
  for (const warning of result.warnings) {
    const at = warning.line === undefined ? warning.file : `${warning.file}:${warning.line}:${warning.column}`;
    io.stderr(`warning: ${at}: ${warning.message}\n`);
  }
  const format = { text: formatText, json: formatJson, markdown: formatMarkdown }[args.format];
  io.stdout(format(result));
  return args.failOnUnsupported && result.findings.some((finding) => finding.status === 'unsupported') ? 1 : 0;
}
