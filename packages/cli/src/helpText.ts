import type { CliCommand, OptionSpecs } from './command';
import { optionLabel } from './parseCommandLine';

export const PROGRAM = 'signaling-compat-cli';

/** Options every command takes; `runCli` handles them before the command runs. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h', description: 'Show this help.' },
} as const satisfies OptionSpecs;

/** Rows of `label  text`, the labels padded to one column. */
function table(rows: ReadonlyArray<readonly [string, string]>): string[] {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, text]) => `  ${label.padEnd(width)}  ${text}`);
}

function optionRows(options: OptionSpecs): Array<[string, string]> {
  return Object.entries(options).map(([name, spec]) => {
    const value = spec.type === 'string' ? ` <${spec.valueName ?? spec.choices?.join('|') ?? 'value'}>` : '';
    return [`${optionLabel(name, spec.short)}${value}`, spec.description];
  });
}

/** `signaling-compat-cli --help`: the commands of the table, in its order. */
export function programHelp(commands: readonly CliCommand[]): string {
  return [
    `Usage: ${PROGRAM} <command> [options]`,
    '',
    'Tools for moving from the legacy Agora Signaling SDK to RTM with signaling-compat.',
    '',
    'Commands:',
    ...table(commands.map((command) => [command.name, command.summary])),
    '',
    'Options:',
    ...table([
      ['-h, --help', `Show this help; '${PROGRAM} <command> --help' shows a command's options.`],
      ['-v, --version', 'Print the version.'],
    ]),
    '',
    'Exit codes: 0 done; 1 the command failed, or scan found what --fail-on names; 2 usage error.',
    '',
  ].join('\n');
}

/** `signaling-compat-cli <command> --help`. */
export function commandHelp(command: CliCommand): string {
  const lines = [`Usage: ${PROGRAM} ${command.name} ${command.usage}`.trimEnd(), '', command.description.trimEnd(), ''];
  lines.push('Options:', ...table(optionRows({ ...command.options, ...COMMON_OPTIONS })), '');
  if (command.epilogue !== undefined) lines.push(command.epilogue.trimEnd(), '');
  return lines.join('\n');
}

/** The second line of every usage error. */
export function usageHint(command: string | undefined): string {
  return `Run '${PROGRAM}${command === undefined ? '' : ` ${command}`} --help' for usage.`;
}
