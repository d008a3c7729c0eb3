import type { ScanResult } from '../types';
import { summarize } from './summary';

/**
 * The version of the `--json` document's shape (docs/scan.md describes it). A field added keeps
 * the number; one removed, renamed or changed in meaning raises it.
 */
export const JSON_SCHEMA_VERSION = 1;

/** Machine-readable output: the summary, every finding with its mapping, and the warnings. */
export function formatJson(result: ScanResult): string {
  const document = { schemaVersion: JSON_SCHEMA_VERSION, summary: summarize(result), findings: result.findings, warnings: result.warnings };
  return `${JSON.stringify(document, null, 2)}\n`;
}
