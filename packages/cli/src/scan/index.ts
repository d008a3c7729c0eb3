/**
 * The scanner as a library: `scanPaths` and its result types. The `scan` command
 * (`runScanCommand.ts`) prints these results as text, JSON, Markdown or SARIF.
 */

export { scanPaths, MissingPathsError, type ScanOptions } from './scanPaths';
export type { Confidence, Finding, ScanResult, ScanWarning } from './types';
