import { parseArgs } from 'node:util';
import { type CliCommand, UsageError } from './command';
import { COMMANDS } from './commands';
import { COMMON_OPTIONS, PROGRAM, commandHelp, programHelp, usageHint } from './helpText';
import type { CliIo } from './io';
import { parseCommandLine } from './parseCommandLine';
import { cliManifest } from './version';

/** Options before the command name. */
const PROGRAM_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/**
 * Runs one command line; resolves to the exit code and never rejects. Exit codes: 0 done; 1 the
 * command failed (its reason on stderr) or reported what `--fail-on` asks about; 2 a usage error,
 * reported as one line with a pointer to `--help`.
 */
export async function runCli(argv: readonly string[], io: CliIo, commands: readonly CliCommand[] = COMMANDS): Promise<number> {
  let command: CliCommand | undefined;
  try {
    const { tokens } = parseArgs({ args: [...argv], options: PROGRAM_OPTIONS, strict: false, allowPositionals: true, tokens: true });
    const first = tokens.find((token) => token.kind === 'positional');
    for (const token of tokens) {
      // Options before the command name are the program's own; the command name or `--` ends them.
      if (token.kind !== 'option') break;
      if (!(token.name in PROGRAM_OPTIONS)) throw new UsageError(`unknown option '${token.rawName}'`);
      if (token.value !== undefined) throw new UsageError(`${token.rawName} takes no value`);
      if (token.name === 'help') return help(io, commands, undefined);
      io.stdout(`${cliManifest().version}\n`);
      return 0;
    }
    if (first === undefined) {
      throw new UsageError(`missing command (one of ${commands.map((c) => c.name).join(', ')})`);
    }
    const rest = argv.slice(first.index + 1);
    if (first.value === 'help') return help(io, commands, rest[0]);
    command = findCommand(commands, first.value);
    const input = parseCommandLine({ ...command.options, ...COMMON_OPTIONS }, rest, command.positionals);
    if (input.values.help === true) {
      io.stdout(commandHelp(command));
      return 0;
    }
    return await command.run(input, io);
  } catch (error) {
    const prefix = command === undefined ? PROGRAM : `${PROGRAM} ${command.name}`;
    if (error instanceof UsageError) {
      io.stderr(`${prefix}: ${error.message}\n${usageHint(command?.name)}\n`);
      return 2;
    }
    io.stderr(`${prefix}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

function findCommand(commands: readonly CliCommand[], name: string): CliCommand {
  const command = commands.find((candidate) => candidate.name === name);
  if (command === undefined) {
    throw new UsageError(`unknown command '${name}' (commands: ${commands.map((c) => c.name).join(', ')})`);
  }
  return command;
}

/** `--help`, `help` and `help <command>`. */
function help(io: CliIo, commands: readonly CliCommand[], name: string | undefined): number {
  io.stdout(name === undefined ? programHelp(commands) : commandHelp(findCommand(commands, name)));
  return 0;
}
