#!/usr/bin/env node
/** The `signaling-compat` command: wires `runCli` to this process. */
import { runCli } from './runCli';

void runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
