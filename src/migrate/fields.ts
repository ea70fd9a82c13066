/**
 * Reads a Copilot manifest and remembers which leaf fields were mapped and
 * which became TODOs, so no field is dropped silently: whatever is left at
 * the end becomes a TODO too.
 */

export type Path = readonly (string | number)[];

/** A manifest field the migrator could not map as is. */
export interface Todo {
  /** Dotted path, e.g. `http.stickiness` or `sidecars.envoy.image`. */
  readonly path: string;
  /** The field's value as written in the manifest. */
  readonly value: unknown;
  /** Why it needs manual work, and what to do. */
  readonly why: string;
}

export function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `a.b[0].c`; keys that are not identifiers are quoted. */
export function formatPath(path: Path): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (/^[A-Za-z0-9_-]+$/.test(p)) out += out ? `.${p}` : p;
    else out += `[${JSON.stringify(p)}]`;
  }
  return out;
}

/** Every leaf (scalar, null, empty map or list) under `value`, with its path. */
export function leaves(value: unknown, prefix: Path = []): { path: Path; value: unknown }[] {
  if (isMap(value) && Object.keys(value).length > 0) {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...prefix, k]));
  }
  if (Array.isArray(value) && value.length > 0) return value.flatMap((v, i) => leaves(v, [...prefix, i]));
  return [{ path: prefix, value }];
}

function startsWith(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((p, i) => String(p) === String(path[i]));
}

function toPath(path: string | Path): Path {
  return typeof path === 'string' ? path.split('.') : path;
}

/** Shown in a TODO: short JSON, or the scalar itself. */
export function showValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const oneLine = (text ?? 'null').replace(/\s+/g, ' ');
  return oneLine.length > 160 ? `${oneLine.slice(0, 157)}...` : oneLine;
}

/** A manifest (or an environment's merged manifest) with the record of what was read. */
export class ManifestFields {
  public readonly todos: Todo[] = [];
  private readonly mapped: Path[] = [];

  constructor(public readonly root: Record<string, unknown>) {}

  /** The value at `path` without marking it. */
  public peek(path: string | Path): unknown {
    let v: unknown = this.root;
    for (const p of toPath(path)) {
      if (Array.isArray(v) && typeof p === 'number') v = v[p];
      else if (isMap(v)) v = v[String(p)];
      else return undefined;
    }
    return v;
  }

  public has(path: string | Path): boolean {
    return this.peek(path) !== undefined;
  }

  /** The value at `path`, marking every leaf under it as mapped. */
  public get(path: string | Path): unknown {
    const value = this.peek(path);
    if (value !== undefined) this.mapped.push(toPath(path));
    return value;
  }

  /** Like get, for a string value (numbers and booleans are stringified). */
  public str(path: string | Path): string | undefined {
    const v = this.get(path);
    return v === undefined || v === null ? undefined : String(v);
  }

  /** Like get, for a number; a value that is not one becomes a TODO. */
  public num(path: string | Path): number | undefined {
    const v = this.peek(path);
    if (v === undefined) return undefined;
    const n = typeof v === 'number' ? v : Number(v);
    if (!Number.isFinite(n)) {
      this.todo(path, 'not a number');
      return undefined;
    }
    this.get(path);
    return n;
  }

  public bool(path: string | Path): boolean | undefined {
    const v = this.get(path);
    return v === undefined || v === null ? undefined : v === true || v === 'true';
  }

  /** Record a TODO for the field at `path` (when it is present). */
  public todo(path: string | Path, why: string): void {
    const value = this.peek(path);
    if (value === undefined) return;
    this.todos.push({ path: formatPath(toPath(path)), value, why });
    this.mapped.push(toPath(path));
  }

  /** Whether a leaf was mapped or turned into a TODO. */
  public covers(path: Path): boolean {
    return this.mapped.some((m) => startsWith(path, m));
  }

  /** Turn every leaf nobody read into a TODO (the safety net). */
  public sweep(under: Path = []): Todo[] {
    const value = under.length ? this.peek(under) : this.root;
    const left = leaves(value, under).filter((l) => !this.covers(l.path));
    const out = left.map((l) => ({ path: formatPath(l.path), value: l.value, why: 'not a field the migrator knows; map it by hand' }));
    this.todos.push(...out);
    for (const l of left) this.mapped.push(l.path);
    return out;
  }

  /** Leaf paths that were mapped (not TODOs). */
  public mappedLeaves(): string[] {
    const todoPaths = this.todos.map((t) => t.path);
    return leaves(this.root).filter((l) => this.covers(l.path)).map((l) => formatPath(l.path))
      .filter((p) => !todoPaths.some((t) => p === t || p.startsWith(`${t}.`) || p.startsWith(`${t}[`)));
  }
}

/** Copilot's override semantics: maps merge key by key, anything else is replaced. */
export function mergeOverride(base: unknown, override: unknown): unknown {
  if (isMap(base) && isMap(override)) {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(override)) out[k] = k in base ? mergeOverride(base[k], v) : v;
    return out;
  }
  return override === undefined ? base : override;
}
