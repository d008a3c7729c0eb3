/**
 * A synthetic source tree for the scanner's scale test and benchmark: `directories × filesPerDirectory`
 * small files in four shapes, a few unparsable ones, and ignored folders that must not be read.
 */

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface SyntheticTree {
  /** Files the scanner must read (ignored folders excluded). */
  files: number;
  /** Findings it must report. */
  findings: number;
  /** Files that do not parse, one warning each. */
  unparsable: number;
}

/** Findings per shape, in the order of `shape()`. */
const FINDINGS_PER_SHAPE = [3, 0, 1, 4];
/** Every this many files, one is unparsable instead of its shape. */
const UNPARSABLE_EVERY = 1000;

function shape(index: number): { name: string; text: string } {
  if (index % UNPARSABLE_EVERY === UNPARSABLE_EVERY / 2) return { name: `broken${index}.js`, text: 'const = ;\n' };
  switch (index % 4) {
    case 0:
      return { name: `login${index}.js`, text: `const s = Signal(APP_ID);\ns.login('user${index}', '').logout();\n` };
    case 1:
      return { name: `plain${index}.ts`, text: `export const value${index}: number = ${index};\n` };
    case 2:
      return { name: `wrapper${index}.js`, text: `import client from './client';\nclient.session.channelJoin('room${index}');\n` };
    default:
      return {
        name: `page${index}.html`,
        text: `<html><body><script>\nvar c = Signal(a).login(b, t).channelJoin('r');\nc.onChannelJoined = f;\n</script></body></html>\n`,
      };
  }
}

/** Writes the tree under `root` and returns what a scan of it must find. */
export async function writeSyntheticTree(root: string, directories = 100, filesPerDirectory = 100): Promise<SyntheticTree> {
  const tree: SyntheticTree = { files: 0, findings: 0, unparsable: 0 };
  for (let d = 0; d < directories; d++) {
    const directory = join(root, `module${d}`);
    await mkdir(directory, { recursive: true });
    const writes: Promise<void>[] = [];
    for (let f = 0; f < filesPerDirectory; f++) {
      const index = d * filesPerDirectory + f;
      const { name, text } = shape(index);
      writes.push(writeFile(join(directory, name), text));
      tree.files++;
      if (name.startsWith('broken')) tree.unparsable++;
      else tree.findings += FINDINGS_PER_SHAPE[index % 4];
    }
    await Promise.all(writes);
  }
  // Dependencies and build output hold legacy code too; none of it may be read.
  for (const ignored of ['node_modules/agora-signaling-sdk', 'dist', 'build', 'coverage', '.git/hooks']) {
    await mkdir(join(root, ignored), { recursive: true });
    await writeFile(join(root, ignored, 'index.js'), 'Signal(appid).login(a, t).logout();\n');
  }
  await writeFile(join(root, 'AgoraSig-1.4.0.js'), 'Signal(appid).login(a, t).logout();\n');
  await writeFile(join(root, 'vendor.min.js'), 'Signal(appid).login(a, t).logout();\n');
  return tree;
}
