import type { Dialect, MappingKind, MappingStatus } from 'signaling-compat/mapping';

/**
 * `high`: the receiver was traced to a Signal / session / channel / call / handler value (or the
 * name sits where the legacy SDK reads it, e.g. the first argument of `invoke`). `low`: only the
 * name matched, and the name is unique to Signaling.
 */
export type Confidence = 'high' | 'low';

/** One use of a legacy member in a scanned file. */
export interface Finding {
  /** Path relative to the working directory, with `/` separators. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units. */
  column: number;
  dialect: Dialect;
  owner: string;
  /** The mapped member (canonical spelling). */
  member: string;
  /** How reports write the member, e.g. `Session.logout`. */
  legacy: string;
  kind: MappingKind;
  status: MappingStatus;
  /** The RTM 1.x call(s) it becomes. */
  rtm: string;
  /** How the shim carries it (from the mapping table). */
  note: string;
  confidence: Confidence;
  /** The name as written, when it differs from `member` (an alias or an unlisted invoke function). */
  spelling?: string;
}

/** A file (or part of one) that could not be scanned completely. */
export interface ScanWarning {
  file: string;
  line?: number;
  column?: number;
  message: string;
}

/** The outcome of scanning a set of paths. */
export interface ScanResult {
  /** Number of source files read. */
  files: number;
  /** Findings ordered by file, line and column. */
  findings: Finding[];
  warnings: ScanWarning[];
}
