import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** A TypeScript fixture in its own Node process (through tsx), read line by line. */
export class Child {
  readonly lines: string[] = [];
  readonly process: ChildProcess;
  readonly exited: Promise<number | null>;
  #waiters: Array<{ match: (line: string) => boolean; resolve: (line: string) => void }> = [];
  stderr = '';

  constructor(fixture: string, args: string[]) {
    const path = fileURLToPath(new URL(`./fixtures/${fixture}`, import.meta.url));
    this.process = spawn(process.execPath, ['--import', 'tsx', path, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr?.on('data', (chunk) => (this.stderr += String(chunk)));
    createInterface({ input: this.process.stdout! }).on('line', (line) => {
      this.lines.push(line);
      this.#waiters = this.#waiters.filter((waiter) => {
        if (!waiter.match(line)) return true;
        waiter.resolve(line);
        return false;
      });
    });
    this.exited = new Promise((resolve) => this.process.on('exit', (code) => resolve(code)));
  }

  /** The first line (already printed or still to come) that starts with `prefix`. */
  line(prefix: string): Promise<string> {
    const match = (line: string) => line.startsWith(prefix);
    const seen = this.lines.find(match);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve) => this.#waiters.push({ match, resolve }));
  }

  send(line: string): void {
    this.process.stdin?.write(`${line}\n`);
  }

  kill(): void {
    if (this.process.exitCode === null) this.process.kill();
  }
}
