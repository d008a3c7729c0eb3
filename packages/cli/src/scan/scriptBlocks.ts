/**
 * The JavaScript of `.html` and `.vue` files: their inline `<script>` blocks. Everything outside
 * the chosen blocks is blanked to spaces (line breaks kept), so offsets, lines and columns in the
 * parsed text are those of the original file.
 */

export type SourceLang = 'jsx' | 'ts' | 'tsx';

export interface ScriptBlock {
  start: number;
  end: number;
  lang: SourceLang;
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const JAVASCRIPT_TYPES = /^(|text\/javascript|application\/javascript|module|text\/babel|text\/jsx|text\/typescript)$/i;

function attribute(attributes: string, name: string): string {
  const match = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attributes);
  return match ? (match[1] ?? match[2] ?? match[3]).toLowerCase() : '';
}

function blockLang(attributes: string): SourceLang {
  const lang = attribute(attributes, 'lang');
  if (lang === 'ts' || lang === 'tsx') return lang;
  return attribute(attributes, 'type') === 'text/typescript' ? 'ts' : 'jsx';
}

/** The inline script blocks of an HTML page or Vue single-file component (not `src=` ones, not templates). */
export function scriptBlocks(markup: string): ScriptBlock[] {
  const blocks: ScriptBlock[] = [];
  for (const match of markup.matchAll(SCRIPT)) {
    const [whole, attributes, body] = match;
    if (body.trim() === '' || !JAVASCRIPT_TYPES.test(attribute(attributes, 'type'))) continue;
    // The opening tag ends at the first `>`: the attribute pattern cannot contain one.
    const start = (match.index ?? 0) + whole.indexOf('>') + 1;
    blocks.push({ start, end: start + body.length, lang: blockLang(attributes) });
  }
  return blocks;
}

/** The language to parse several blocks as one program in: the widest of theirs. */
export function combinedLang(blocks: readonly ScriptBlock[]): SourceLang {
  if (blocks.some((block) => block.lang === 'tsx')) return 'tsx';
  return blocks.some((block) => block.lang === 'ts') ? 'ts' : 'jsx';
}

/** `markup` with everything outside `blocks` replaced by spaces, line breaks kept. */
export function keepOnly(markup: string, blocks: readonly ScriptBlock[]): string {
  let text = '';
  let at = 0;
  for (const block of blocks) {
    text += markup.slice(at, block.start).replace(/[^\r\n]/g, ' ') + markup.slice(block.start, block.end);
    at = block.end;
  }
  return text + markup.slice(at).replace(/[^\r\n]/g, ' ');
}
