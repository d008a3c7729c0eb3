import type { MappingStatus } from 'signaling-compat/mapping';
import { defineCommand } from '../command';
import { FAIL_ON_CHOICES } from './failOn';

export const SCAN_COMMAND = defineCommand({
  name: 'scan',
  summary: 'Find legacy Signaling calls in source files and say what each becomes on RTM.',
  usage: '[options] [paths...]',
  description: [
    'Finds uses of the legacy Agora Signaling SDK (Web, Server and native dialects) in .js .mjs .cjs',
    '.jsx .ts .mts .cts .tsx files and in <script> blocks of .html / .vue files, and says what each',
    'becomes on RTM 1.x. Paths default to the current directory. Directories are walked honouring',
    'their .gitignore files; node_modules, dist, build, coverage, .next, .nuxt and .git are skipped,',
    'and so are minified files and vendored copies of the legacy SDK. Paths named on the command line',
    'are always scanned.',
  ].join('\n'),
  options: {
    json: { type: 'boolean', description: 'Print the findings as JSON (schema in docs/scan.md).' },
    markdown: { type: 'boolean', description: 'Print a checklist to paste into a migration ticket.' },
    sarif: { type: 'boolean', description: 'Print SARIF 2.1.0 for code-review and code-scanning tools.' },
    'fail-on': {
      type: 'string',
      choices: FAIL_ON_CHOICES,
      valueName: 'status',
      description: 'Exit 1 on a use of this status or a harder one: unsupported, emulated, native.',
    },
    ignore: {
      type: 'string',
      multiple: true,
      valueName: 'glob',
      description: 'Skip matching paths (.gitignore syntax, from the working directory); repeatable.',
    },
    'no-gitignore': { type: 'boolean', description: 'Do not read .gitignore files.' },
  },
  positionals: true,
  epilogue: [
    'Exit codes: 0 done; 1 with --fail-on when a use of that status (or harder) was found, low',
    'confidence ones included; 2 usage error or a path that does not exist.',
  ].join('\n'),
  async run({ values, positionals }, io) {
    const { runScanCommand } = await import('./runScanCommand');
    return runScanCommand(
      {
        paths: positionals,
        json: values.json,
        markdown: values.markdown,
        sarif: values.sarif,
        // `choices` has checked the value.
        failOn: values['fail-on'] as MappingStatus | undefined,
        ignore: values.ignore,
        gitignore: !values['no-gitignore'],
      },
      io,
    );
  },
});
