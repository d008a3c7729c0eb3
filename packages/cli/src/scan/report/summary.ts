import { MAPPING, type MappingStatus } from 'signaling-compat/mapping';
import type { Finding, ScanResult } from '../types';

/** Report order: what needs work first. */
export const STATUS_ORDER: readonly MappingStatus[] = ['unsupported', 'emulated', 'native'];

export interface Summary {
  files: number;
  findings: number;
  unsupported: number;
  emulated: number;
  native: number;
  lowConfidence: number;
}

export function summarize(result: ScanResult): Summary {
  const count = (status: MappingStatus) => result.findings.filter((f) => f.status === status).length;
  return {
    files: result.files,
    findings: result.findings.length,
    unsupported: count('unsupported'),
    emulated: count('emulated'),
    native: count('native'),
    lowConfidence: result.findings.filter((f) => f.confidence === 'low').length,
  };
}

/** One sentence: "3 files scanned, 12 findings (1 unsupported, 6 emulated, 5 native; 2 low confidence)." */
export function summaryLine(summary: Summary): string {
  const files = `${summary.files} file${summary.files === 1 ? '' : 's'} scanned`;
  if (summary.findings === 0) return `${files}, no legacy Signaling uses found.`;
  const low = summary.lowConfidence > 0 ? `; ${summary.lowConfidence} low confidence` : '';
  return (
    `${files}, ${summary.findings} finding${summary.findings === 1 ? '' : 's'} ` +
    `(${summary.unsupported} unsupported, ${summary.emulated} emulated, ${summary.native} native${low}).`
  );
}

/** A group of findings of one legacy member, in report order. */
export interface MemberGroup {
  status: MappingStatus;
  title: string;
  rtm: string;
  note: string;
  findings: Finding[];
}

const TABLE_ORDER = new Map(MAPPING.map((entry, index) => [`${entry.dialect} ${entry.owner} ${entry.member}`, index]));

/** Groups findings by status (unsupported first), then by legacy member in mapping-table order. */
export function groupByMember(findings: readonly Finding[]): MemberGroup[] {
  const groups = new Map<number, MemberGroup>();
  for (const finding of findings) {
    const order = TABLE_ORDER.get(`${finding.dialect} ${finding.owner} ${finding.member}`) ?? -1;
    const title = `${finding.dialect} ${finding.legacy}`;
    const group = groups.get(order) ?? { status: finding.status, title, rtm: finding.rtm, note: finding.note, findings: [] };
    group.findings.push(finding);
    groups.set(order, group);
  }
  return [...groups.entries()]
    .sort(([a, first], [b, second]) => STATUS_ORDER.indexOf(first.status) - STATUS_ORDER.indexOf(second.status) || a - b)
    .map(([, group]) => group);
}

/** `src/app.js:12:5`, marked when only the name matched. */
export function location(finding: Finding): string {
  const spelled = finding.spelling === undefined ? '' : ` (written ${finding.spelling})`;
  const low = finding.confidence === 'low' ? ' (name match only)' : '';
  return `${finding.file}:${finding.line}:${finding.column}${spelled}${low}`;
}
