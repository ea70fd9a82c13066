/**
 * Templates written by hand take task counts and sizes from Parameters. The
 * cost report prices them at their Default values (and says which), since
 * an estimate needs a figure; the check rules never do this.
 */
import { CfnTemplate, StackInput } from '../rules/model';

/** Parameter types whose Default is not the value itself (SSM paths) or is a list. */
function usable(type: unknown): boolean {
  return typeof type !== 'string' || !(type.startsWith('AWS::SSM::') || type.startsWith('List<') || type === 'CommaDelimitedList');
}

/** The stack with `{"Ref": P}` in its Resources replaced by P's Default; `used` lists `P=value`. */
export function withParameterDefaults(stack: StackInput): { stack: StackInput; used: string[] } {
  const defaults = new Map<string, unknown>();
  for (const [name, raw] of Object.entries(stack.template.Parameters ?? {})) {
    const p = raw as { Type?: unknown; Default?: unknown } | undefined;
    if (p && typeof p === 'object' && (typeof p.Default === 'string' || typeof p.Default === 'number') && usable(p.Type)) {
      defaults.set(name, p.Default);
    }
  }
  if (defaults.size === 0) return { stack, used: [] };
  const used = new Set<string>();
  const walk = (value: unknown, depth: number): unknown => {
    if (depth > 64 || !value || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((v) => walk(v, depth + 1));
    const keys = Object.keys(value);
    const ref = (value as { Ref?: unknown }).Ref;
    if (keys.length === 1 && typeof ref === 'string' && defaults.has(ref)) {
      used.add(ref);
      return defaults.get(ref);
    }
    return Object.fromEntries(keys.map((k) => [k, walk((value as Record<string, unknown>)[k], depth + 1)]));
  };
  const template: CfnTemplate = { ...stack.template, Resources: walk(stack.template.Resources, 0) as CfnTemplate['Resources'] };
  return {
    stack: { ...stack, template },
    used: [...used].sort().map((name) => `${name}=${JSON.stringify(defaults.get(name))}`),
  };
}
