/**
 * Fn::FindInMap with literal keys, as CloudFormation resolves it before anything else: raw templates size tasks
 * through Mappings (`Cpu: !FindInMap [Sizes, prod, Cpu]`), and rules read literal values. A lookup keyed by a
 * parameter or a pseudo parameter stays unresolved (rules skip it).
 */

/** `value` with each resolvable Fn::FindInMap replaced by its mapped value; parts without one are returned as they are. */
export function withMappings(value: unknown, mappings: Readonly<Record<string, unknown>>): unknown {
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((v, i) => {
      const m = withMappings(v, mappings);
      if (m !== v) (copy ??= [...value])[i] = m;
    });
    return copy ?? value;
  }
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.length === 1 && keys[0] === 'Fn::FindInMap' && Array.isArray(obj['Fn::FindInMap'])) {
    const args = (obj['Fn::FindInMap'] as unknown[]).map((a) => withMappings(a, mappings));
    const found = lookup(args, mappings);
    return found === undefined ? (args.some((a, i) => a !== (obj['Fn::FindInMap'] as unknown[])[i]) ? { 'Fn::FindInMap': args } : value) : found;
  }
  let copy: Record<string, unknown> | undefined;
  for (const k of keys) {
    const m = withMappings(obj[k], mappings);
    if (m !== obj[k]) (copy ??= { ...obj })[k] = m;
  }
  return copy ?? value;
}

function lookup(args: readonly unknown[], mappings: Readonly<Record<string, unknown>>): unknown {
  const [map, top, second, options] = args;
  if (typeof map !== 'string' || typeof top !== 'string' || typeof second !== 'string') return undefined;
  const table = mappings[map] as Record<string, Record<string, unknown> | undefined> | undefined;
  const hit = table?.[top]?.[second];
  if (hit !== undefined) return hit;
  // AWS::LanguageExtensions: a fourth argument { DefaultValue } answers a missing key.
  const fallback = options && typeof options === 'object' ? (options as { DefaultValue?: unknown }).DefaultValue : undefined;
  return fallback;
}
