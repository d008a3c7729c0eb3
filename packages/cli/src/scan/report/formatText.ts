import type { MappingStatus } from 'signaling-compat/mapping';
import type { ScanResult } from '../types';
import { groupByMember, location, summarize, summaryLine } from './summary';

const WIDTH = 100;

/** Word-wraps `text` to WIDTH columns, each line indented by `indent`. */
function wrap(text: string, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && indent.length + line.length + 1 + word.length > WIDTH) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(indent + line);
  return lines;
}

const HEADINGS: Record<MappingStatus, string> = {
  unsupported: 'UNSUPPORTED: RTM cannot do these; each note says what the shim does instead',
  emulated: 'EMULATED: the shim reproduces the legacy behaviour on RTM',
  native: 'NATIVE: a direct RTM counterpart',
};

/** The default report: findings grouped by status and legacy member, each note written once. */
export function formatText(result: ScanResult): string {
  const lines = [`signaling-compat-cli scan: ${summaryLine(summarize(result))}`];
  let status: MappingStatus | undefined;
  for (const group of groupByMember(result.findings)) {
    if (group.status !== status) {
      status = group.status;
      lines.push('', HEADINGS[status]);
    }
    lines.push('', `  ${group.title}  →  ${group.rtm}`, ...wrap(group.note, '    '));
    for (const finding of group.findings) lines.push(`    - ${location(finding)}`);
  }
  if (result.warnings.length > 0) lines.push('', `${result.warnings.length} file(s) not fully scanned (see the warnings on stderr).`);
  return `${lines.join('\n')}\n`;
}
