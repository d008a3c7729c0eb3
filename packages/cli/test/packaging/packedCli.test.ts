/**
 * The CLI as users get it: both packages packed, `signaling-compat-cli` installed (with the library
 * tarball for its `signaling-compat` dependency) into a separate project, run through `npx`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { packedCli, packedLibrary } from '../../../signaling-compat/test/packaging/build';
import { installedProject, type ConsumerProject } from '../../../signaling-compat/test/packaging/consumerProject';

const cliRoot = fileURLToPath(new URL('../..', import.meta.url));

let project: ConsumerProject;

beforeAll(async () => {
  const [library, cli] = await Promise.all([packedLibrary(), packedCli()]);
  project = await installedProject([library, cli], join(cliRoot, 'test/packaging/app'));
}, 300_000);

afterAll(() => project?.remove());

describe('the packed CLI', () => {
  test('npx signaling-compat-cli --version prints the version both packages carry', async () => {
    const { version } = JSON.parse(readFileSync(join(cliRoot, 'package.json'), 'utf8'));
    const installed = JSON.parse(readFileSync(join(project.dir, 'node_modules/signaling-compat/package.json'), 'utf8'));
    // As a user types it (after `npx --no` npm would take `--version` for its own); npm_config_yes
    // keeps npx from ever offering a download, like --no.
    const { code, stdout } = await project.run('npx', ['signaling-compat-cli', '--version'], { env: { npm_config_yes: 'false' } });
    expect({ code, stdout: stdout.trim() }).toEqual({ code: 0, stdout: version });
    expect(installed.version).toBe(version);
  });

  test('npx signaling-compat-cli demo runs the demo', async () => {
    const { code, stdout } = await project.run('npx', ['--no', 'signaling-compat-cli', 'demo']);
    expect(code).toBe(0);
    expect(stdout).toContain('onLoginSuccess');
    expect(stdout).toContain('onLogout(101)');
  });

  test('npx signaling-compat-cli scan . finds the legacy calls', async () => {
    const { code, stdout } = await project.run('npx', ['--no', 'signaling-compat-cli', 'scan', '.']);
    expect(code).toBe(0);
    expect(stdout).toContain('legacy-app.js');
    expect(stdout).toContain('channelJoin');
  });
});
