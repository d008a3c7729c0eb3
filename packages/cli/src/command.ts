import type { CliIo } from './io';

/** One option of a command, as `util.parseArgs` takes it, plus what its help line says. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** A string option given more than once collects every value. */
  multiple?: boolean;
  /** The values a string option accepts; anything else is a usage error. */
  choices?: readonly string[];
  /** How the help writes the option's value, e.g. `glob` for `--ignore <glob>`. */
  valueName?: string;
  description: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** The parsed values: booleans default to false, repeatable options to an empty list. */
export type OptionValues<O extends OptionSpecs> = {
  [K in keyof O]: O[K]['type'] extends 'boolean' ? boolean : O[K]['multiple'] extends true ? string[] : string | undefined;
};

export interface CommandInput<O extends OptionSpecs> {
  values: OptionValues<O>;
  positionals: string[];
}

/**
 * A command of `signaling-compat-cli`: what its help says, the options `util.parseArgs` reads for it,
 * and what it does. `run` resolves to the exit code and throws `UsageError` for a usage mistake the
 * option table cannot express; any other error ends the command with its message and exit code 1.
 */
export interface CliCommand<O extends OptionSpecs = OptionSpecs> {
  name: string;
  /** One line for the command list of `--help`. */
  summary: string;
  /** What follows the command name in its usage line, e.g. `[options] [paths...]`. */
  usage: string;
  /** What `<command> --help` says under the usage line. */
  description: string;
  options: O;
  /** Whether arguments that are not options are accepted (paths, names). */
  positionals: boolean;
  /** Closing paragraph of `<command> --help`, e.g. the exit codes. */
  epilogue?: string;
  run(input: CommandInput<O>, io: CliIo): number | Promise<number>;
}

/** Keeps a command's option names and value types checked inside `run`. */
export function defineCommand<const O extends OptionSpecs>(command: CliCommand<O>): CliCommand {
  return command as unknown as CliCommand;
}

/** A mistake in the command line: reported in one line with a pointer to `--help`, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
