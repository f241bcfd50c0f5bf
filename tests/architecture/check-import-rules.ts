/**
 * The import rules of src/, as a function over file texts so that the test can run it on the real tree
 * and on a planted one: imports run one way in stage order, no file imports itself round a cycle, and
 * I/O stays in the stages allowed to do it. Every violation is returned at once, each as one line.
 */
import path from 'node:path';
import ts from 'typescript';

export interface ImportRules {
  /** Stage names, earliest first. A file's stage is its first folder under src/, or its name for a top-level file. */
  order: readonly string[];
  /** Node modules that do I/O, and the stages allowed to import them. */
  ioModules: Readonly<Record<string, readonly string[]>>;
  /** `process.<name>` uses, and the stages allowed them. */
  processUses: Readonly<Record<string, readonly string[]>>;
}

export interface Violation {
  kind: 'backward' | 'cycle' | 'io' | 'process' | 'unknown-stage' | 'unresolved';
  /** The importing file, relative to src/. */
  file: string;
  /** The imported file or module, or the `process` use. */
  target: string;
  line: string;
}

/** A named exception: a violation left on purpose, and why. */
export interface Exception {
  kind: Violation['kind'];
  file: string;
  target: string;
  reason: string;
}

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

export function stageOf(file: string): string {
  const first = file.split('/')[0];
  return file.includes('/') ? first : first.replace(/\.ts$/, '');
}

/** Every module a file names: static and type imports, export-from, `import()` and `import('x').T` types. */
export function moduleSpecifiers(file: string, text: string): { specifier: string; typeOnly: boolean }[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: { specifier: string; typeOnly: boolean }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name && !!clause.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      found.push({ specifier: node.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      found.push({ specifier: node.moduleReference.expression.text, typeOnly: node.isTypeOnly });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) {
      found.push({ specifier: node.arguments[0].text, typeOnly: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push({ specifier: node.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** `process.cwd`, `process.pid`, … as used in the code (not in comments or strings). */
function processUses(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const uses: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'process') uses.push(node.name.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return uses;
}

function resolve(from: string, specifier: string, files: ReadonlyMap<string, string>): string | undefined {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  const candidates = [base.replace(/\.js$/, '.ts'), `${base}.ts`, `${base}/index.ts`, base];
  return candidates.find((c) => files.has(c));
}

/** One cycle through each strongly connected group of files (Tarjan), as `a → b → … → a`. */
function findCycles(edges: readonly Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  let counter = 0;
  const connect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || (next.get(v) ?? []).includes(v)) groups.push(group);
    }
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) connect(v);
  return groups.map((group) => {
    // The shortest way from the group's first file (by name) back to itself, inside the group.
    const members = new Set(group);
    const start = [...group].sort()[0];
    const previous = new Map<string, string>();
    const queue = [start];
    const seen = new Set<string>();
    while (queue.length) {
      const v = queue.shift()!;
      for (const w of next.get(v) ?? []) {
        if (!members.has(w)) continue;
        if (w === start) {
          const cycle = [start];
          for (let u: string | undefined = v; u !== undefined && u !== start; u = previous.get(u)) cycle.splice(1, 0, u);
          cycle.push(start);
          return cycle;
        }
        if (seen.has(w)) continue;
        seen.add(w);
        previous.set(w, v);
        queue.push(w);
      }
    }
    return [start, start];
  });
}

/** Checks files (path relative to src/ → text) against the rules. */
export function checkImportRules(files: ReadonlyMap<string, string>, rules: ImportRules): Violation[] {
  const violations: Violation[] = [];
  const edges: Edge[] = [];
  const rank = new Map(rules.order.map((stage, i) => [stage, i]));
  for (const [file, text] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (file.endsWith('.d.ts')) continue;
    const stage = stageOf(file);
    if (!rank.has(stage)) violations.push({ kind: 'unknown-stage', file, target: stage, line: `${file}: stage "${stage}" is not in the order` });
    for (const { specifier, typeOnly } of moduleSpecifiers(file, text)) {
      if (specifier.startsWith('.')) {
        const target = resolve(file, specifier, files);
        if (!target) {
          violations.push({ kind: 'unresolved', file, target: specifier, line: `${file} → ${specifier}: no such file under src/` });
          continue;
        }
        edges.push({ from: file, to: target, typeOnly });
        const to = stageOf(target);
        if (rank.has(stage) && rank.has(to) && rank.get(to)! > rank.get(stage)!) {
          violations.push({ kind: 'backward', file, target, line: `${file} → ${target}${typeOnly ? ' (type)' : ''}: ${stage} imports the later stage ${to}` });
        }
        continue;
      }
      const allowed = rules.ioModules[specifier] ?? rules.ioModules[specifier.replace(/^node:/, '')];
      if (allowed && !allowed.includes(stage)) {
        violations.push({ kind: 'io', file, target: specifier, line: `${file} → ${specifier}: I/O outside ${allowed.join(', ')}` });
      }
    }
    for (const use of new Set(processUses(file, text))) {
      const allowed = rules.processUses[use];
      if (allowed && !allowed.includes(stage)) {
        violations.push({ kind: 'process', file, target: `process.${use}`, line: `${file}: process.${use} outside ${allowed.join(', ')}` });
      }
    }
  }
  for (const cycle of findCycles(edges)) {
    violations.push({ kind: 'cycle', file: cycle[0], target: cycle[1], line: `cycle: ${cycle.join(' → ')}` });
  }
  return violations;
}

/** The violations no exception names, and the exceptions that no longer match a violation. */
export function applyExceptions(violations: readonly Violation[], exceptions: readonly Exception[]): { left: Violation[]; stale: Exception[] } {
  const matches = (v: Violation, e: Exception) => v.kind === e.kind && v.file === e.file && v.target === e.target;
  return {
    left: violations.filter((v) => !exceptions.some((e) => matches(v, e))),
    stale: exceptions.filter((e) => !violations.some((v) => matches(v, e))),
  };
}
