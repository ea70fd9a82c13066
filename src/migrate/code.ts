/** Small helpers that write TypeScript source text. */
import { showValue, Todo } from './fields';

/** A TypeScript string literal; Copilot's `${COPILOT_*}` placeholders become template parts. */
export function tsString(value: string, app?: string): string {
  if (!value.includes('${')) return `'${value.replace(/\\/g, '\\\\').replace(/'/g, '\\\'').replace(/\n/g, '\\n')}'`;
  const body = value.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{([A-Za-z0-9_]+)\}/g, (_, name: string) => {
    if (name === 'COPILOT_APPLICATION_NAME' && app) return app;
    if (name === 'COPILOT_ENVIRONMENT_NAME') return '${env}';
    return `\${process.env.${name} ?? ''}`;
  });
  return `\`${body}\``;
}

/** A TypeScript literal for plain YAML data (maps, lists, scalars). */
export function tsLiteral(value: unknown, app?: string): string {
  if (value === null || value === undefined) return 'undefined';
  if (typeof value === 'string') return tsString(value, app);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => tsLiteral(v, app)).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${tsKey(k)}: ${tsLiteral(v, app)}`);
  return entries.length ? `{ ${entries.join(', ')} }` : '{}';
}

/** An object key: bare when it is an identifier. */
export function tsKey(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : tsString(key);
}

/** `my-svc` -> `MySvc` (construct ids). */
export function pascal(name: string): string {
  const out = name.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  return /^[0-9]/.test(out) ? `S${out}` : out || 'Service';
}

/** `my-svc` -> `mySvc` (variable names). */
export function camel(name: string): string {
  const p = pascal(name);
  const out = p[0].toLowerCase() + p.slice(1);
  return RESERVED.has(out) ? `${out}Service` : out;
}

const RESERVED = new Set(['this', 'new', 'class', 'function', 'default', 'delete', 'import', 'export', 'env', 'props', 'cluster', 'app', 'vpc', 'path', 'network', 'certificate']);

/** A Go duration (`1h30m`, `45s`, `500ms`) in seconds, or undefined when it is not one. */
export function parseDuration(text: unknown): number | undefined {
  if (typeof text === 'number') return text;
  if (typeof text !== 'string') return undefined;
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s)/g;
  let total = 0;
  let consumed = '';
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const n = Number(m[1]);
    total += m[2] === 'h' ? n * 3600 : m[2] === 'm' ? n * 60 : m[2] === 's' ? n : n / 1000;
    consumed += m[0];
  }
  return consumed === text.trim() && consumed ? total : undefined;
}

/** `Duration.seconds(n)` (minutes/hours when whole; millis below a second). */
export function tsDuration(seconds: number): string {
  if (!Number.isInteger(seconds)) return `Duration.millis(${Math.round(seconds * 1000)})`;
  if (seconds > 0 && seconds % 3600 === 0) return `Duration.hours(${seconds / 3600})`;
  if (seconds > 0 && seconds % 60 === 0) return `Duration.minutes(${seconds / 60})`;
  return `Duration.seconds(${seconds})`;
}

/** The `// TODO(copilot): path: value — why` comment. */
export function todoComment(todo: Todo, prefix = ''): string {
  return `// TODO(copilot): ${prefix}${todo.path}: ${showValue(todo.value)} — ${todo.why}`;
}

/** Split a shell-style command string the way Copilot does (quotes group words). */
export function shellWords(text: string): string[] {
  const out: string[] = [];
  const re = /"((?:\\.|[^"\\])*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2] ?? m[3]);
  return out;
}

/** An ordered object literal whose entries may be interleaved with comments. */
export class ObjectCode {
  public readonly entries: ({ key: string; expr: string } | { comment: string })[] = [];

  public set(key: string, expr: string | undefined): this {
    if (expr === undefined) return this;
    const i = this.entries.findIndex((e) => 'key' in e && e.key === key);
    if (i >= 0) this.entries[i] = { key, expr };
    else this.entries.push({ key, expr });
    return this;
  }

  public comment(text: string): this {
    this.entries.push({ comment: text });
    return this;
  }

  /** Remove `key`'s entry, if there is one. */
  public delete(key: string): this {
    const i = this.entries.findIndex((e) => 'key' in e && e.key === key);
    if (i >= 0) this.entries.splice(i, 1);
    return this;
  }

  public get(key: string): string | undefined {
    const e = this.entries.find((x) => 'key' in x && x.key === key);
    return e && 'key' in e ? e.expr : undefined;
  }

  public keys(): string[] {
    return this.entries.flatMap((e) => ('key' in e ? [e.key] : []));
  }

  public comments(): string[] {
    return this.entries.flatMap((e) => ('comment' in e ? [e.comment] : []));
  }

  /** `{ a: 1, b: 2 }` over several lines at `indent`. */
  public render(indent: string): string {
    if (this.entries.length === 0) return '{}';
    const inner = `${indent}  `;
    const lines = this.entries.map((e) => ('comment' in e ? `${inner}${e.comment}`
      : `${inner}${e.key.startsWith('...') ? '' : `${tsKey(e.key)}: `}${e.expr.replace(/\n/g, `\n${inner}`)},`));
    return `{\n${lines.join('\n')}\n${indent}}`;
  }
}
