/**
 * `scan --sarif`: the findings as a SARIF 2.1.0 log, the format code-review and code-scanning
 * tools read. One rule per mapping entry that was found (its level from the entry's status), one
 * result per finding, and the warnings as tool notifications.
 */

import { pathToFileURL } from 'node:url';
import type { Location, Log, Notification, ReportingDescriptor, Result } from 'sarif';
import { MAPPING, legacyName, type MappingEntry, type MappingStatus } from 'signaling-compat/mapping';
import { cliManifest } from '../../version';
import type { Finding, ScanResult, ScanWarning } from '../types';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** Unsupported uses need code changes; emulated ones a behaviour check; native ones are a rename. */
const LEVELS: Record<MappingStatus, Result.level> = { unsupported: 'error', emulated: 'warning', native: 'note' };

/** Where reported paths start: the working directory of the scan. */
const ROOT = 'SRCROOT';

/** A stable rule id for a mapping entry, e.g. `web.Session.messageInstantSend`. */
export function ruleId(entry: Pick<MappingEntry, 'dialect' | 'owner' | 'member'>): string {
  return `${entry.dialect}.${entry.owner}.${entry.member}`;
}

function rule(entry: MappingEntry): ReportingDescriptor {
  const name = `${entry.dialect} ${legacyName(entry)}`;
  return {
    id: ruleId(entry),
    shortDescription: { text: `${name}: ${entry.status} on RTM 1.x (${entry.rtm})` },
    fullDescription: { text: entry.note },
    help: {
      text: `${name} → ${entry.rtm} (${entry.status}). ${entry.note}`,
      markdown: `**${name}** → \`${entry.rtm}\` (${entry.status}). ${entry.note}`,
    },
    defaultConfiguration: { level: LEVELS[entry.status] },
    properties: { dialect: entry.dialect, kind: entry.kind, status: entry.status, rtm: entry.rtm, tags: ['signaling-migration', entry.status] },
  };
}

function location(file: string, line?: number, column?: number): Location {
  const uri = file.split('/').map(encodeURIComponent).join('/');
  return {
    physicalLocation: {
      artifactLocation: { uri, uriBaseId: ROOT },
      ...(line === undefined ? {} : { region: { startLine: line, startColumn: column } }),
    },
  };
}

function result(finding: Finding, ruleIndex: number): Result {
  const confidence = finding.confidence === 'low' ? ', name match only' : '';
  const spelled = finding.spelling === undefined ? '' : ` (written ${finding.spelling})`;
  return {
    ruleId: ruleId(finding),
    ruleIndex,
    level: LEVELS[finding.status],
    message: { text: `${finding.dialect} ${finding.legacy}${spelled} → ${finding.rtm} (${finding.status}${confidence}). ${finding.note}` },
    locations: [location(finding.file, finding.line, finding.column)],
    properties: { confidence: finding.confidence, ...(finding.spelling === undefined ? {} : { spelling: finding.spelling }) },
  };
}

function notification(warning: ScanWarning): Notification {
  return { level: 'warning', message: { text: warning.message }, locations: [location(warning.file, warning.line, warning.column)] };
}

/** The SARIF log for one scan; `cwd` is the directory reported paths are relative to. */
export function sarifLog(scan: ScanResult, cwd: string): Log {
  const manifest = cliManifest();
  const used = new Set(scan.findings.map(ruleId));
  const entries = MAPPING.filter((entry) => used.has(ruleId(entry)));
  const indexOf = new Map(entries.map((entry, index) => [ruleId(entry), index]));
  const root = pathToFileURL(cwd).href;
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: manifest.name, version: manifest.version, informationUri: manifest.homepage, rules: entries.map(rule) },
        },
        originalUriBaseIds: { [ROOT]: { uri: root.endsWith('/') ? root : `${root}/` } },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: scan.warnings.map(notification) }],
        results: scan.findings.map((finding) => result(finding, indexOf.get(ruleId(finding)) ?? -1)),
      },
    ],
  };
}

export function formatSarif(scan: ScanResult, cwd: string): string {
  return `${JSON.stringify(sarifLog(scan, cwd), null, 2)}\n`;
}
