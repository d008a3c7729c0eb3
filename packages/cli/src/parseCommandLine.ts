import { parseArgs } from 'node:util';
import { type CommandInput, type OptionSpecs, UsageError } from './command';

/** `--name`, or `-s, --name` when the option has a short form. */
export function optionLabel(name: string, short: string | undefined): string {
  return short === undefined ? `--${name}` : `-${short}, --${name}`;
}

/**
 * Reads a command's arguments with `util.parseArgs`. Parsing is lenient so that every mistake can
 * be reported in our own words from the tokens: an unknown option, a missing or unexpected value,
 * a value outside `choices`, an argument where none is taken.
 */
export function parseCommandLine<O extends OptionSpecs>(specs: O, argv: readonly string[], positionals: boolean): CommandInput<O> {
  const options = Object.fromEntries(
    Object.entries(specs).map(([name, spec]) => [
      name,
      { type: spec.type, multiple: spec.multiple ?? false, ...(spec.short === undefined ? {} : { short: spec.short }) },
    ]),
  );
  const parsed = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  for (const token of parsed.tokens) {
    if (token.kind === 'positional' && !positionals) throw new UsageError(`unexpected argument '${token.value}'`);
    if (token.kind !== 'option') continue;
    const spec = specs[token.name];
    if (spec === undefined) throw new UsageError(`unknown option '${token.rawName}'`);
    if (spec.type === 'boolean' && token.value !== undefined) throw new UsageError(`${token.rawName} takes no value`);
    if (spec.type === 'string') {
      const expected = spec.choices === undefined ? `a ${spec.valueName ?? 'value'}` : spec.choices.join(', ');
      // Lenient parsing takes the next argument as the value even when it looks like an option.
      if (token.value === undefined || (token.inlineValue === false && token.value.startsWith('-'))) {
        throw new UsageError(`${token.rawName} needs ${spec.choices === undefined ? expected : `one of ${expected}`}`);
      }
      if (spec.choices !== undefined && !spec.choices.includes(token.value)) {
        throw new UsageError(`${token.rawName} takes ${spec.choices.length === 1 ? `'${spec.choices[0]}'` : `one of ${expected}`}, not '${token.value}'`);
      }
    }
  }
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const value = parsed.values[name];
    if (spec.type === 'boolean') values[name] = value === true;
    else if (spec.multiple === true) values[name] = (value as string[] | undefined) ?? [];
    else values[name] = value;
  }
  return { values: values as CommandInput<O>['values'], positionals: parsed.positionals };
}
