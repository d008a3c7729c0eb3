import type { CliCommand } from './command';
import { DEMO_COMMAND } from './demo/demoCommand';
import { MAPPING_COMMAND } from './mappingCommand';
import { SCAN_COMMAND } from './scan/scanCommand';
import { SERVE_COMMAND } from './serve/serveCommand';

/**
 * Every command of `signaling-compat-cli`, in the order `--help` lists them. A new command is one
 * more entry: `runCli` parses its options, prints its help and applies the exit-code policy.
 * Each entry loads its implementation only when it runs, so `--help` and `mapping` stay quick.
 */
export const COMMANDS: readonly CliCommand[] = [DEMO_COMMAND, SCAN_COMMAND, MAPPING_COMMAND, SERVE_COMMAND];
