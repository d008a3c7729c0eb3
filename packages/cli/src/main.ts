#!/usr/bin/env node
/** The `signaling-compat-cli` command: wires `runCli` to this process. */
import { runCli } from './runCli';

// A reader that stops early (`signaling-compat-cli demo | head -1`) closes the pipe: the rest of
// the output has nowhere to go and is dropped, and the command finishes with its own exit code,
// as it would have with every line read. Any other write failure ends the process with its reason.
let stdoutOpen = true;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') {
    stdoutOpen = false;
    return;
  }
  process.stderr.write(`signaling-compat-cli: cannot write the output (${error.code ?? error.message})\n`);
  process.exit(1);
});

void runCli(process.argv.slice(2), {
  stdout: (text) => {
    if (stdoutOpen) process.stdout.write(text);
  },
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
