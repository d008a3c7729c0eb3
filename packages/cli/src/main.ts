#!/usr/bin/env node
/** The `signaling-compat-cli` command: wires `runCli` to this process. */
import { runCli } from './runCli';

// A reader that stops early (`signaling-compat-cli demo | head -1`) closes the pipe: the rest of
// the output has nowhere to go and is dropped, and the command finishes with its own exit code,
// as it would have with every line read. Any other write failure ends the process with its reason.
const open = { stdout: true, stderr: true };
for (const name of ['stdout', 'stderr'] as const) {
  process[name].on('error', (error: NodeJS.ErrnoException) => {
    open[name] = false;
    if (error.code === 'EPIPE') return;
    if (open.stderr) process.stderr.write(`signaling-compat-cli: cannot write to ${name} (${error.code ?? error.message})\n`);
    process.exit(1);
  });
}

void runCli(process.argv.slice(2), {
  stdout: (text) => {
    if (open.stdout) process.stdout.write(text);
  },
  stderr: (text) => {
    if (open.stderr) process.stderr.write(text);
  },
  cwd: process.cwd(),
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
