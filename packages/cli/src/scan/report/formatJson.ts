import type { ScanResult } from '../types';
import { summarize } from './summary';

/** Machine-readable output: the summary, every finding with its mapping, and the warnings. */
export function formatJson(result: ScanResult): string {
  return `${JSON.stringify({ summary: summarize(result), findings: result.findings, warnings: result.warnings }, null, 2)}\n`;
}
