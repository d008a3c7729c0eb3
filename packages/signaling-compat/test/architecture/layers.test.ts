import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The layers the README's "Developing" section draws, checked on the sources: which folder may load
// which at run time, and no run-time import cycle. Type-only imports are left out on purpose: the
// Server dialect's classes name each other in their types as the Java object model does.

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The modules a file loads at run time: imports and re-exports that are not type-only. */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, false);
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((element) => element.isTypeOnly)));
      if (!typeOnly) specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return specifiers;
}

/** A relative specifier as a path under src/ (without extension), or the package name as given. */
function target(from: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  return relative(SRC, resolve(dirname(from), specifier)).replace(/\\/g, '/');
}

const graph = new Map<string, string[]>();
for (const file of sourceFiles(SRC)) {
  const name = relative(SRC, file).replace(/\\/g, '/').replace(/\.ts$/, '');
  graph.set(name, runtimeImports(file).map((specifier) => target(file, specifier)));
}

function edgesFrom(layer: string): Array<[string, string]> {
  return [...graph].filter(([name]) => name.startsWith(`${layer}/`)).flatMap(([name, imports]) => imports.map((to): [string, string] => [name, to]));
}

const isFake = (to: string) => to.startsWith('fake/') || to.startsWith('fake2/');
const isSdk = (to: string) => to.startsWith('agora-rtm-sdk') || to.startsWith('agora-rtc-sdk');

describe('layers', () => {
  it.each(['core', 'legacy', 'rtm', 'rtm2', 'mapping'])('%s/ loads neither a fake nor an Agora SDK', (layer) => {
    expect(edgesFrom(layer).filter(([, to]) => isFake(to) || isSdk(to))).toEqual([]);
  });

  it('core/ never loads a dialect', () => {
    expect(edgesFrom('core').filter(([, to]) => to.startsWith('legacy/'))).toEqual([]);
  });

  it('the 2.x adapter, the fakes and the RTM rules never load the core or a dialect', () => {
    const upward = ['rtm', 'rtm2', 'fake', 'fake2'].flatMap(edgesFrom).filter(([, to]) => to.startsWith('core/') || to.startsWith('legacy/'));
    expect(upward).toEqual([]);
  });

  it('no dialect loads another dialect', () => {
    const dialects = ['web', 'server', 'native'];
    const crossing = edgesFrom('legacy').filter(([from, to]) => {
      const own = dialects.find((d) => from.startsWith(`legacy/${d}/`));
      const other = dialects.find((d) => to.startsWith(`legacy/${d}/`));
      return own !== undefined && other !== undefined && own !== other;
    });
    expect(crossing).toEqual([]);
  });

  it('has no run-time import cycle', () => {
    const resolved = (to: string) => (graph.has(to) ? to : graph.has(`${to}/index`) ? `${to}/index` : undefined);
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[][] = [];
    const visit = (node: string, path: string[]) => {
      state.set(node, 'visiting');
      for (const next of (graph.get(node) ?? []).map(resolved)) {
        if (next === undefined) continue;
        if (state.get(next) === 'visiting') cycles.push([...path.slice(path.indexOf(next)), next]);
        else if (!state.has(next)) visit(next, [...path, next]);
      }
      state.set(node, 'done');
    };
    for (const node of graph.keys()) if (!state.has(node)) visit(node, [node]);
    expect(cycles).toEqual([]);
  });

  it('reads every source file', () => {
    expect(graph.size).toBeGreaterThan(150);
    expect(graph.get('core/Engine')).toContain('core/Channels');
  });
});
