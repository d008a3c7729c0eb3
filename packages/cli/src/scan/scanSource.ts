import { parseSync } from 'oxc-parser';
import { legacyName } from 'signaling-compat/mapping';
import { analyzeProgram, type RawFinding } from './analyzeProgram';
import type { AstNode } from './ast';
import { MAX_NESTING, nestingDepth } from './nestingDepth';
import { type SourceLang, combinedLang, keepOnly, scriptBlocks } from './scriptBlocks';
import type { Finding, ScanWarning } from './types';

const MARKUP = new Set(['.html', '.htm', '.vue']);

function langOf(extension: string): SourceLang {
  if (extension === '.tsx') return 'tsx';
  return ['.ts', '.mts', '.cts'].includes(extension) ? 'ts' : 'jsx';
}

/** Offsets → 1-based line and column. */
class LineIndex {
  readonly #starts = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.#starts.push(i + 1);
  }

  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.#starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.#starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.#starts[low] + 1 };
  }
}

interface Parsed {
  program: AstNode;
  firstError?: { offset: number; message: string };
}

function parse(file: string, text: string, lang: SourceLang, extension: string): Parsed {
  const sourceType = extension === '.cjs' ? 'commonjs' : extension === '.mjs' ? 'module' : 'unambiguous';
  const result = parseSync(file, text, { lang, sourceType });
  const program = result.program as unknown as AstNode;
  const error = result.errors[0];
  if (error === undefined) return { program };
  return { program, firstError: { offset: error.labels[0]?.start ?? 0, message: error.message } };
}

/**
 * Scans one file's text. Unparsable code gives a warning, never an exception: a file (or
 * `<script>` block) that does not parse at all is skipped, one that parses with recoverable errors
 * is scanned as far as the parser recovered it.
 */
export function scanSource(file: string, text: string, extension: string): { findings: Finding[]; warnings: ScanWarning[] } {
  const lines = new LineIndex(text);
  const findings: Finding[] = [];
  const warnings: ScanWarning[] = [];
  const warn = (offset: number | undefined, message: string) =>
    warnings.push(offset === undefined ? { file, message } : { file, ...lines.position(offset), message });

  const depth = nestingDepth(text);
  if (depth > MAX_NESTING) {
    warn(undefined, `nests about ${depth} levels deep (limit ${MAX_NESTING}), probably generated; skipped`);
    return { findings, warnings };
  }

  const scan = (unitText: string, parsed: Parsed) => {
    if (parsed.firstError !== undefined) {
      const empty = (parsed.program.body as unknown[]).length === 0;
      const outcome = empty ? 'skipped' : 'scanned as far as it parsed';
      warn(parsed.firstError.offset, `could not parse (${parsed.firstError.message}); ${outcome}`);
      if (empty) return;
    }
    let raw: RawFinding[];
    try {
      raw = analyzeProgram(parsed.program, unitText);
    } catch (error) {
      warn(undefined, `skipped: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    for (const { offset, entry, confidence, spelling } of raw) {
      const finding: Finding = {
        file,
        ...lines.position(offset),
        dialect: entry.dialect,
        owner: entry.owner,
        member: entry.member,
        legacy: legacyName(entry),
        kind: entry.kind,
        status: entry.status,
        rtm: entry.rtm,
        note: entry.note,
        confidence,
      };
      if (spelling !== undefined) finding.spelling = spelling;
      findings.push(finding);
    }
  };

  if (!MARKUP.has(extension)) {
    scan(text, parse(file, text, langOf(extension), extension));
    return { findings, warnings };
  }
  const blocks = scriptBlocks(text);
  if (blocks.length === 0) return { findings, warnings };
  // Blocks share one global scope in a page, so they are parsed together; when that fails, each
  // block alone, so one broken block does not hide the others.
  const together = keepOnly(text, blocks);
  const parsed = parse(file, together, combinedLang(blocks), extension);
  if (parsed.firstError === undefined || blocks.length === 1) {
    scan(together, parsed);
  } else {
    for (const block of blocks) {
      const alone = keepOnly(text, [block]);
      scan(alone, parse(file, alone, block.lang, extension));
    }
  }
  return { findings, warnings };
}
