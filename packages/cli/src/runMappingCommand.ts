import { legacyName, MAPPING, type MappingEntry } from 'signaling-compat/mapping';
import type { CliIo } from './io';

/** `signaling-compat-cli mapping [--json]`: the mapping table as text columns or as JSON. */
export function runMappingCommand(json: boolean, io: CliIo): number {
  io.stdout(json ? `${JSON.stringify(MAPPING, null, 2)}\n` : formatTable(MAPPING));
  return 0;
}

function formatTable(entries: readonly MappingEntry[]): string {
  const rows = entries.map((entry) => [entry.dialect, legacyName(entry), entry.status, entry.rtm]);
  const header = ['dialect', 'legacy', 'status', 'rtm 1.x'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) =>
    cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ');
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n') + '\n';
}
