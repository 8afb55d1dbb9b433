import { type Document, isMap, isNode, LineCounter, type Node, parseDocument, visit } from 'yaml';
import type { z } from 'zod';
import { InputError, nearest } from '../errors.js';

type Path = ReadonlyArray<PropertyKey>;

/** How far an issue list is from fitting: unknown and missing keys mean the wrong branch. */
function misfit(issues: readonly z.core.$ZodIssue[]): number {
  return issues.filter(
    (i) => i.code === 'unrecognized_keys' || (i.code === 'invalid_type' && i.input === undefined),
  ).length;
}

/**
 * The issue to report. A misspelt key also makes the real one "missing", so report the
 * misspelling; a value matching no branch of a union is reported from the branch it most
 * nearly fits ("amount: cannot be negative", not "invalid input").
 */
function mostTelling(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue {
  const issue = (issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0]) as z.core.$ZodIssue;
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue;
  const best = issue.errors.reduce((a, b) => (misfit(b) < misfit(a) ? b : a));
  if (best.length === 0) return issue;
  const inner = mostTelling(best);
  return { ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue;
}

/** "sites[1].power.ramp[0]" */
export function formatPath(path: Path): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function nodeAt(root: unknown, path: Path): Node | undefined {
  let node: unknown = root;
  let found: Node | undefined = isNode(root) ? root : undefined;
  for (const key of path) {
    if (!isNode(node) || !('get' in node)) break;
    const next = (node as { get(k: unknown, keepScalar: boolean): unknown }).get(key, true);
    if (!isNode(next)) {
      // A key whose value is null still has a key node worth pointing at.
      if (isMap(node)) {
        const pair = node.items.find((p) => isNode(p.key) && (p.key as { value?: unknown }).value === key);
        if (pair && isNode(pair.key)) found = pair.key;
      }
      break;
    }
    node = next;
    found = next;
  }
  return found;
}

/** The key node of a path's last key in its mapping (where a misspelt key is written). */
function keyNodeAt(root: unknown, path: Path): Node | undefined {
  const holder = nodeAt(root, path.slice(0, -1));
  const key = path[path.length - 1];
  if (!isMap(holder)) return holder;
  const pair = holder.items.find((p) => isNode(p.key) && (p.key as { value?: unknown }).value === key);
  return pair && isNode(pair.key) ? pair.key : holder;
}

function issueMessage(issue: z.core.$ZodIssue, schema: z.ZodType): string {
  switch (issue.code) {
    case 'invalid_type': {
      // An empty document: say which keys it needs, as a missing key names itself by its path.
      if (issue.path.length === 0 && (issue.input === undefined || issue.input === null)) {
        const keys = requiredKeys(schema);
        return `the text is empty; expected a mapping${keys.length > 0 ? ` with at least ${keys.join(', ')}` : ''}`;
      }
      return issue.input === undefined
        ? 'this key is required'
        : `expected ${issue.expected}, got ${describe(issue.input)}`;
    }
    case 'unrecognized_keys': {
      const key = issue.keys[0] ?? '';
      const known = shapeKeys(schema, issue.path);
      const guess = known ? nearest(key, known) : undefined;
      return `unknown key '${key}'${guess ? `; did you mean '${guess}'?` : ''}`;
    }
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => `'${String(v)}'`).join(', ')}, got ${describe(issue.input)}`;
    default:
      return issue.message;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

/** Keys an object schema accepts at a path, for "did you mean" on unknown keys. */
function shapeKeys(schema: z.ZodType, path: Path): string[] | undefined {
  let current: unknown = schema;
  for (const key of path) {
    current = unwrap(current);
    const def = (current as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown } })
      .def;
    if (def?.type === 'object' && typeof key === 'string') current = def.shape?.[key];
    else if (def?.type === 'array') current = def.element;
    else if (def?.type === 'record') current = (def as { valueType?: unknown }).valueType;
    else return undefined;
  }
  const def = (unwrap(current) as { def?: { type?: string; shape?: Record<string, unknown> } }).def;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : undefined;
}

/** The keys the top of an object schema cannot do without. */
function requiredKeys(schema: z.ZodType): string[] {
  const def = (
    unwrap(schema) as { def?: { type?: string; shape?: Record<string, { def?: { type?: string } }> } }
  ).def;
  if (def?.type !== 'object' || !def.shape) return [];
  return Object.entries(def.shape)
    .filter(([, field]) => !['optional', 'default', 'prefault'].includes(field.def?.type ?? ''))
    .map(([key]) => key);
}

function unwrap(schema: unknown): unknown {
  let current = schema as { def?: { type?: string; innerType?: unknown; in?: unknown } };
  for (let i = 0; i < 10; i++) {
    const def = current?.def;
    if (
      def?.innerType &&
      ['optional', 'nullable', 'default', 'prefault', 'readonly'].includes(def.type ?? '')
    ) {
      current = def.innerType as typeof current;
    } else if (def?.type === 'pipe' && def.in) {
      current = def.in as typeof current;
    } else break;
  }
  return current;
}

const TOO_DEEP = 'nested too deeply';
/** Each anchor's value may be reused this often: enough for any real file, too few for a "billion laughs". */
const MAX_ALIASES = 100;

/** The document as plain data, with its resource limits (aliases, depth) as input errors. */
function plainData(doc: Document, file: string, where: (offset: number) => string): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    if (error instanceof RangeError) throw new InputError(`${file}:1:1: invalid YAML: ${TOO_DEEP}`);
    if (!(error instanceof ReferenceError) || !/alias/i.test(error.message)) throw error;
    // The first alias that cannot be expanded: one whose anchor is not set before it, or (for
    // the expansion limit) the first alias of all.
    const unresolved = !/excessive alias count/i.test(error.message);
    let at = `${file}:1:1`;
    let name = '';
    visit(doc, {
      Alias(_, node) {
        if (unresolved && node.resolve(doc) !== undefined) return undefined;
        if (node.range) at = where(node.range[0]);
        name = node.source;
        return visit.BREAK;
      },
    });
    throw new InputError(
      unresolved
        ? `${at}: invalid YAML: the alias *${name} names no anchor set before it`
        : `${at}: its aliases expand past ${MAX_ALIASES} copies of an anchor; write the values out instead of nesting aliases`,
    );
  }
}

/**
 * Parse YAML text and validate it against a zod schema. The first problem becomes one
 * InputError: "file:line:col: path.to[2].key: what was expected". Pure: the caller reads
 * the file.
 */
export function parseYaml<S extends z.ZodType>(text: string, file: string, schema: S): z.output<S> {
  return parseYamlLocated(text, file, schema).data;
}

export interface Located<T> {
  data: T;
  /** "file:line:col" of the node at a path, or of its nearest ancestor that exists. */
  locate(path: Path): string;
}

/** parseYaml that also returns a locator, for errors found after validation (e.g. when running checks). */
export function parseYamlLocated<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
): Located<z.output<S>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const where = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return `${file}:${line}:${col}`;
  };
  const syntax = doc.errors[0];
  if (syntax) {
    const reason = syntax.message.split('\n')[0]?.replace(/ at line \d+, column \d+.*$/, '');
    throw new InputError(
      `${where(syntax.pos[0])}: invalid YAML: ${/call stack/i.test(reason ?? '') ? TOO_DEEP : reason}`,
    );
  }
  const data = plainData(doc, file, where);
  // With the input in each issue, a wrong type reads "expected …, got …", not "required".
  const result = schema.safeParse(data, { reportInput: true });
  const placeOf = (node: Node | undefined) => (node?.range ? where(node.range[0]) : `${file}:1:1`);
  const locate = (path: Path) => placeOf(nodeAt(doc.contents, path));
  if (result.success) return { data: result.data, locate };
  const issue = mostTelling(result.error.issues);
  const path = formatPath(issue.path);
  // Point at a misspelt key itself, not at the mapping that holds it.
  const at =
    issue.code === 'unrecognized_keys'
      ? placeOf(keyNodeAt(doc.contents, [...issue.path, issue.keys[0] ?? '']))
      : locate(issue.path);
  throw new InputError(`${at}: ${path ? `${path}: ` : ''}${issueMessage(issue, schema)}`);
}
