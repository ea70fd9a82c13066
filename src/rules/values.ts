/**
 * Reading template values the way CloudFormation does. Anything that cannot
 * be decided (unresolved CDK tokens, intrinsics, parameters) comes back as
 * `undefined`, and rules skip it: a false positive is worse than a miss.
 */

const TOKEN = /\$\{Token\[[^\]]*\]\}|#\{Token\[|\[TOKEN\.\d+\]/;

/**
 * A CloudFormation dynamic reference (`{{resolve:ssm:/app/family}}`, `{{resolve:secretsmanager:...}}`):
 * CloudFormation puts the value in at deploy time, so the template does not hold it.
 */
export function isDynamicReference(value: string): boolean {
  return value.includes('{{resolve:');
}

/** True for an unresolved CDK token string, a dynamic reference, or an (unresolved) intrinsic object. */
export function isUnresolved(value: unknown): boolean {
  if (typeof value === 'string') {
    // Cheap checks first: this runs for nearly every value a rule reads.
    if (value.includes('Token[') || value.includes('TOKEN.')) return TOKEN.test(value);
    if (isDynamicReference(value)) return true;
    return value.startsWith('-1.8881545897087') && /^-1\.8881545897087\d*e\+289$/.test(value);
  }
  if (typeof value === 'number') return value === -1.8881545897087626e+289;
  if (value && typeof value === 'object' && !Array.isArray(value)) return intrinsicKey(value) !== undefined;
  return false;
}

/**
 * The key of a one-key object whose key names an intrinsic (`Ref`, `Condition`, `Fn::*`), else undefined.
 * Stops at the first other key (most objects rules read are not intrinsics) and builds no key array:
 * this runs for most values rules read.
 */
export function intrinsicKey(value: object): string | undefined {
  let only: string | undefined;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    if (only !== undefined || (key !== 'Ref' && key !== 'Condition' && !key.startsWith('Fn::'))) return undefined;
    only = key;
  }
  return only;
}

const NUMERIC = /^-?\d+(\.\d+)?$/;

/** A plain number from a number or a numeric string; undefined otherwise. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && !isUnresolved(value) ? value : undefined;
  if (typeof value === 'string') {
    const s = value.trim();
    if (!NUMERIC.test(s)) return undefined;
    return Number(s);
  }
  return undefined;
}

/** A string, or undefined for anything unresolved or non-string. */
export function toStr(value: unknown): string | undefined {
  if (typeof value === 'string' && !isUnresolved(value)) return value;
  if (typeof value === 'number' && !isUnresolved(value)) return String(value);
  return undefined;
}

/** A boolean from true/false or "true"/"false". */
export function toBool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

/** An array, or undefined when absent or unresolved (e.g. Fn::If). */
export function toArray(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

/** A plain object (not an intrinsic), or undefined. */
export function toObject(value: unknown): Record<string, unknown> | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value) || isUnresolved(value)) return undefined;
  return value as Record<string, unknown>;
}

/**
 * Task CPU in CPU units: 256, "256", "1 vCPU", "0.25 vcpu", "2vCPU".
 */
export function parseCpuUnits(value: unknown): number | undefined {
  const n = toNumber(value);
  if (n !== undefined) return n;
  if (typeof value !== 'string' || isUnresolved(value)) return undefined;
  const m = /^\s*(\d*\.?\d+)\s*vcpus?\s*$/i.exec(value);
  return m ? Math.round(Number(m[1]) * 1024) : undefined;
}

/**
 * Memory in MiB: 512, "512", "2 GB", "2GB", "0.5 GB", "1024 MiB", "1 GiB".
 * ECS reads GB as GiB (1 GB = 1024 MiB).
 */
export function parseMemoryMiB(value: unknown): number | undefined {
  const n = toNumber(value);
  if (n !== undefined) return n;
  if (typeof value !== 'string' || isUnresolved(value)) return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(gb|gib|mb|mib)\s*$/i.exec(value);
  if (!m) return undefined;
  const amount = Number(m[1]);
  return /^g/i.test(m[2]) ? Math.round(amount * 1024) : amount;
}

/**
 * Whether `text` matches a pattern whose `*` matches any run of characters
 * (IAM actions, ECR filters). No RegExp: template values can be huge, and
 * many stars made a backtracking RegExp slow.
 */
export function matchesWildcard(pattern: string, text: string, ignoreCase = false): boolean {
  return ignoreCase
    ? matchesWildcardParts(pattern.toLowerCase().split('*'), text.toLowerCase())
    : matchesWildcardParts(pattern.split('*'), text);
}

/** matchesWildcard over a pattern already split at `*` (for patterns matched against many texts). */
export function matchesWildcardParts(parts: readonly string[], t: string): boolean {
  if (parts.length === 1) return parts[0] === t;
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (t.length < first.length + last.length || !t.startsWith(first) || !t.endsWith(last)) return false;
  let at = first.length;
  const end = t.length - last.length;
  for (let k = 1; k < parts.length - 1; k++) {
    const i = t.indexOf(parts[k], at);
    if (i < 0 || i + parts[k].length > end) return false;
    at = i + parts[k].length;
  }
  return true;
}

/** Root users in the forms ECS accepts ('root', '0', 'root:group', '0:gid'), as CT.ECS.PR.3 reads them. */
export function isRootUser(user: string | undefined): boolean {
  return user !== undefined && /^(root|0)(:.*)?$/.test(user);
}

/** The statements of an IAM policy document (a list, or one statement object); undefined when unreadable. */
export function policyStatements(document: unknown): unknown[] | undefined {
  const statement = toObject(document)?.Statement;
  return toArray(statement) ?? (toObject(statement) ? [statement] : undefined);
}

/** JSON text of a value, short enough for a message. */
export function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** "a, b or c". */
export function orList(values: readonly (string | number)[]): string {
  return joinList(values, 'or');
}

/** "a, b and c". */
export function andList(values: readonly (string | number)[]): string {
  return joinList(values, 'and');
}

function joinList(values: readonly (string | number)[], word: string): string {
  return values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} ${word} ${values[values.length - 1]}`;
}

/** A function computing its value on the first call only. */
export function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}
