import type { CliIo } from './io';

export const USAGE = `Usage: signaling-compat <command> [options]

Commands:
  demo [--backend fake|rtm2|agora]
                                Run legacy Signaling Web code for three users on the in-memory RTM
                                and print what each callback reports. --backend rtm2 runs it on
                                the in-memory Signaling 2.x; --backend agora explains how to run
                                the same code on Agora's RTM cloud.
  scan [paths...]               Find legacy Signaling calls in source files (default: the
                                current directory) and say what each becomes on RTM.
                                'scan --help' lists its options.
  mapping [--json]              Print the Signaling -> RTM mapping table.
  --help                        Show this help.
`;

/** Runs one command line; resolves to the process exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'demo': {
      const { runDemoCommand } = await import('./demo/runDemoCommand');
      return runDemoCommand(rest, io);
    }
    case 'scan': {
      const { runScan } = await import('./scan/index');
      return runScan(rest, io);
    }
    case 'mapping': {
      const { runMappingCommand } = await import('./runMappingCommand');
      return runMappingCommand(rest, io);
    }
    case '-h':
    case '--help':
    case 'help':
      io.stdout(USAGE);
      return 0;
    case undefined:
      io.stderr(USAGE);
      return 1;
    default:
      io.stderr(`signaling-compat: unknown command '${command}'\n\n${USAGE}`);
      return 1;
  }
}
