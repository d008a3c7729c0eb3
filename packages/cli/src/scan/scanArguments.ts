/** `signaling-compat scan` usage. */
export const SCAN_USAGE = `Usage: signaling-compat scan [options] [paths...]

Finds uses of the legacy Agora Signaling SDK (Web, Server and native dialects) in .js .mjs .cjs
.jsx .ts .tsx files and in <script> blocks of .html / .vue files, and says what each becomes on
RTM 1.x. Paths default to the current directory; node_modules, dist, build, coverage and .git are
skipped, and so are minified files and vendored copies of the legacy SDK.

Options:
  --json                   Print the findings as JSON.
  --markdown               Print a checklist to paste into a migration ticket.
  --fail-on unsupported    Exit with 1 when any use cannot be carried onto RTM.
  -h, --help               Show this help.

Exit codes: 0 done; 1 with --fail-on unsupported and unsupported uses found; 2 usage error or
a path that does not exist.
`;

export type ScanFormat = 'text' | 'json' | 'markdown';

export interface ScanArguments {
  paths: string[];
  format: ScanFormat;
  failOnUnsupported: boolean;
  help: boolean;
}

/** Parses the arguments after `scan`; returns an error message for a usage mistake. */
export function parseScanArguments(argv: readonly string[]): ScanArguments | { error: string } {
  const parsed: ScanArguments = { paths: [], format: 'text', failOnUnsupported: false, help: false };
  const formats = new Set<ScanFormat>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') formats.add('json');
    else if (arg === '--markdown') formats.add('markdown');
    else if (arg === '-h' || arg === '--help') parsed.help = true;
    else if (arg === '--fail-on' || arg.startsWith('--fail-on=')) {
      const value = arg === '--fail-on' ? argv[++i] : arg.slice('--fail-on='.length);
      if (value !== 'unsupported') return { error: `--fail-on takes 'unsupported', not '${value ?? ''}'` };
      parsed.failOnUnsupported = true;
    } else if (arg === '--') {
      parsed.paths.push(...argv.slice(i + 1));
      break;
    } else if (arg.startsWith('-')) return { error: `unknown option '${arg}'` };
    else parsed.paths.push(arg);
  }
  if (formats.size > 1) return { error: '--json and --markdown cannot be combined' };
  parsed.format = formats.values().next().value ?? 'text';
  if (parsed.paths.length === 0) parsed.paths.push('.');
  return parsed;
}
