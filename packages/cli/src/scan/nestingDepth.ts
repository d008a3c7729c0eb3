/**
 * A cheap upper estimate of how deeply a source nests, read before parsing. oxc-parser recurses on
 * the native stack and crashes the whole process (SIGSEGV, not an exception) somewhere past a few
 * thousand levels of nested brackets, functions or chained `?:`; no app source nests that deep, so
 * such files are skipped with a warning instead.
 */

/** Files estimated deeper than this are not parsed (oxc-parser was measured safe to 5,000). */
export const MAX_NESTING = 1000;

/**
 * Bracket depth plus the number of `?` in the current expression, skipping strings, template
 * text and comments. Overestimates (`?.`, `??`, brackets in regexes) only make it safer.
 */
export function nestingDepth(text: string): number {
  let depth = 0;
  let questions = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      i = text.indexOf('\n', i);
      if (i < 0) break;
    } else if (c === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2);
      if (i < 0) break;
      i++;
    } else if (c === '"' || c === "'" || c === '`') {
      i = closingQuote(text, i);
    } else if (c === '(' || c === '[' || c === '{') {
      depth++;
      if (c === '{') questions = 0;
    } else if (c === ')' || c === ']' || c === '}') {
      depth = Math.max(0, depth - 1);
      if (c === '}') questions = 0;
    } else if (c === '?') {
      questions++;
    } else if (c === ';' || c === ',') {
      questions = 0;
    }
    deepest = Math.max(deepest, depth + questions);
  }
  return deepest;
}

/** Index of the quote closing the string that opens at `start` (or the end of the text). */
function closingQuote(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i;
    // A plain string cannot span lines; a stray quote must not swallow the rest of the file.
    else if (text[i] === '\n' && quote !== '`') return i;
  }
  return text.length;
}
