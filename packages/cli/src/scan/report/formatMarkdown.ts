import type { MappingStatus } from 'signaling-compat/mapping';
import type { ScanResult } from '../types';
import { groupByMember, location, summarize, summaryLine } from './summary';

const HEADINGS: Record<MappingStatus, string> = {
  unsupported: 'Unsupported on RTM: change the code',
  emulated: 'Emulated by signaling-compat: check the behaviour',
  native: 'Direct RTM counterpart',
};

function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ');
}

/** A checklist to paste into a migration ticket: one box per member, one per place it is used. */
export function formatMarkdown(result: ScanResult): string {
  const lines = ['## Signaling → RTM migration checklist', '', summaryLine(summarize(result))];
  let status: MappingStatus | undefined;
  for (const group of groupByMember(result.findings)) {
    if (group.status !== status) {
      status = group.status;
      const count = result.findings.filter((f) => f.status === status).length;
      lines.push('', `### ${HEADINGS[status]} (${count})`, '');
    }
    lines.push(`- [ ] **${group.title}** → \`${group.rtm}\`: ${cell(group.note)}`);
    for (const finding of group.findings) lines.push(`  - [ ] \`${location(finding)}\``);
  }
  if (result.warnings.length > 0) {
    lines.push('', '### Not fully scanned', '');
    for (const warning of result.warnings) {
      const at = warning.line === undefined ? warning.file : `${warning.file}:${warning.line}:${warning.column}`;
      lines.push(`- [ ] \`${at}\`: ${cell(warning.message)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
