/**
 * Copilot `environments:` overrides: each environment's merged manifest is
 * mapped on its own, and props that differ become
 * `env === 'prod' ? <prod value> : <base value>` in the generated code.
 * Differences the props cannot carry become TODOs.
 */
import { ObjectCode, todoComment, tsKey } from './code';
import { formatPath, isMap, leaves, mergeOverride, Todo } from './fields';
import { ServicePlan } from './plan';

/** A service's base plan and its per-environment plans. */
export interface EnvironmentPlans {
  readonly base: ServicePlan;
  readonly environments: Map<string, ServicePlan>;
}

/** The environment names a manifest overrides. */
export function overriddenEnvironments(manifest: Record<string, unknown>): string[] {
  return isMap(manifest.environments) ? Object.keys(manifest.environments) : [];
}

/** The manifest as Copilot deploys it to `env`. */
export function mergedFor(manifest: Record<string, unknown>, env: string): Record<string, unknown> {
  const overrides = (manifest.environments as Record<string, unknown>)[env];
  const { environments: _, ...rest } = manifest;
  const over = isMap(overrides) ? overrides : {};
  // count.spot excludes range and its targets: Copilot replaces the whole count then.
  const spot = (c: unknown) => isMap(c) && 'spot' in c;
  if (isMap(over.count) && spot(over.count) !== spot(rest.count)) delete rest.count;
  return mergeOverride(rest, over) as Record<string, unknown>;
}

/** Merge the base and per-environment values of one props object into conditionals. */
function mergeObject(base: ObjectCode, envs: [string, ObjectCode][], spread: boolean): ObjectCode {
  const out = new ObjectCode();
  const keys = [...base.keys()];
  for (const [, o] of envs) for (const k of o.keys()) if (!keys.includes(k)) keys.push(k);
  const baseComments = base.comments();
  for (const e of base.entries) {
    if ('comment' in e) out.comment(e.comment);
  }
  for (const [name, o] of envs) {
    for (const c of o.comments()) {
      if (!baseComments.includes(c)) out.comment(c.replace('TODO(copilot): ', `TODO(copilot): environments.${name}.`));
    }
  }
  for (const k of keys) {
    const b = base.get(k);
    const differing = envs.filter(([, o]) => o.get(k) !== b);
    if (differing.length === 0) {
      out.set(k, b);
      continue;
    }
    const missing = b === undefined || differing.some(([, o]) => o.get(k) === undefined);
    if (spread && missing) {
      // A map entry only some environments have: spread it in, so no value is undefined.
      const entry = (e: string | undefined) => (e === undefined ? '{}' : `{ ${tsKey(k)}: ${e} }`);
      const branches = differing.map(([name, o]) => `env === '${name}' ? ${entry(o.get(k))} : `).join('');
      out.set(`...${k}`, `...(${branches}${entry(b)})`);
      continue;
    }
    const branches = differing.map(([name, o]) => `env === '${name}' ? ${o.get(k) ?? 'undefined'} : `).join('');
    out.set(k, `${branches}${b ?? 'undefined'}`);
  }
  return out;
}

const SLOTS = ['task', 'container', 'environment', 'secrets', 'service'] as const;
const STATEMENTS = ['topics', 'before', 'afterTask', 'afterService'] as const;

/**
 * Fold the environment plans into the base plan's props. Returns the TODOs
 * of differences only code can express (statements, another service kind).
 */
export function foldEnvironments(plans: EnvironmentPlans, manifest: Record<string, unknown>): Todo[] {
  const { base } = plans;
  const todos: Todo[] = [];
  const same: [string, ServicePlan][] = [];
  for (const [name, plan] of plans.environments) {
    const override = (manifest.environments as Record<string, unknown>)[name];
    if (plan.kind !== base.kind) {
      todos.push({ path: `environments.${name}`, value: override, why: `in ${name} this is a ${plan.kind}, not a ${base.kind}: build that environment's service separately` });
      continue;
    }
    const extra = STATEMENTS.flatMap((s) => plan[s].filter((line) => !base[s].includes(line) && !line.startsWith('//')));
    if (extra.length) {
      todos.push({
        path: `environments.${name}`,
        value: override,
        why: `in ${name} these statements differ, add them under if (env === '${name}'): ${extra.map((l) => l.replace(/\s*\n\s*/g, ' ')).join(' ')}`,
      });
    }
    same.push([name, plan]);
  }
  for (const slot of SLOTS) {
    const merged = mergeObject(base[slot], same.map(([n, p]) => [n, p[slot]]), slot === 'environment' || slot === 'secrets');
    base[slot].entries.splice(0, base[slot].entries.length, ...merged.entries);
  }
  // TODOs an environment adds outside the props (statements).
  for (const [name, plan] of same) {
    for (const s of ['afterTask', 'afterService'] as const) {
      for (const line of plan[s]) {
        if (line.startsWith('// TODO(copilot)') && !base[s].includes(line)) base[s].push(line.replace('TODO(copilot): ', `TODO(copilot): environments.${name}.`));
      }
    }
  }
  for (const t of todos) base.afterService.push(todoComment(t));
  return todos;
}

/** Leaves of `environments.<env>` and whether each ended as a TODO (for the report). */
export function environmentLeaves(manifest: Record<string, unknown>, plans: EnvironmentPlans, folded: Todo[]): { path: string; todo: boolean }[] {
  const out: { path: string; todo: boolean }[] = [];
  for (const [name, plan] of plans.environments) {
    const override = (manifest.environments as Record<string, unknown>)[name];
    const whole = folded.some((t) => t.path === `environments.${name}`);
    for (const l of leaves(override)) {
      const rel = formatPath(l.path);
      const todo = whole || plan.fields.todos.some((t) => rel === t.path || rel.startsWith(`${t.path}.`) || rel.startsWith(`${t.path}[`));
      out.push({ path: `environments.${name}${rel ? `.${rel}` : ''}`, todo });
    }
  }
  return out;
}

