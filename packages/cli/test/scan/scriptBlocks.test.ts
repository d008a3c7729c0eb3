import { expect, test } from 'vitest';
import { combinedLang, keepOnly, scriptBlocks } from '../../src/scan/scriptBlocks';

const PAGE = [
  '<html><head>',
  '<script src="AgoraSig-1.4.0.js"></script>',
  '<script type="text/template"><li>{{ session.logout() }}</li></script>',
  '<script type="application/json">{"a": 1}</script>',
  '<script>var s = Signal(id);</script>',
  '</head><body>',
  "<script type='module' lang=\"ts\">s.login(a, t);</script>",
  '</body></html>',
].join('\n');

test('only inline JavaScript blocks count, with their language', () => {
  const blocks = scriptBlocks(PAGE);
  expect(blocks.map((block) => [PAGE.slice(block.start, block.end), block.lang])).toEqual([
    ['var s = Signal(id);', 'jsx'],
    ['s.login(a, t);', 'ts'],
  ]);
  expect(combinedLang(blocks)).toBe('ts');
  expect(combinedLang(blocks.slice(0, 1))).toBe('jsx');
});

test('everything outside the kept blocks is blanked, so offsets and line breaks stay put', () => {
  const blocks = scriptBlocks(PAGE);
  const kept = keepOnly(PAGE, blocks);
  expect(kept).toHaveLength(PAGE.length);
  expect(kept.split('\n').map((line) => line.trim())).toEqual(['', '', '', '', 'var s = Signal(id);', '', 's.login(a, t);', '']);
  expect(keepOnly(PAGE, blocks.slice(1)).trim()).toBe('s.login(a, t);');
});

test('a Vue component: <script setup lang="ts">, template and style ignored', () => {
  const sfc = '<template><b>{{ channel.name }}</b></template>\n<script setup lang="ts">\nconst a: number = 1;\n</script>\n<style>b{}</style>';
  expect(scriptBlocks(sfc).map((block) => [sfc.slice(block.start, block.end), block.lang])).toEqual([['\nconst a: number = 1;\n', 'ts']]);
});
