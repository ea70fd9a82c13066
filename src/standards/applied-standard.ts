/**
 * Which standard applies where, for construct-time defaults. Kept on the app root (not context: context cannot be
 * set once the app has children) under a global symbol, so that every copy of the kit loaded in the process reads
 * the same records; by the Stage the standard was applied to (the app is a Stage too), so kit constructs created
 * after `apply()` read the nearest one.
 */
import { Stage } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import type { DeploymentStandardProps } from './standard-props';

const APPLIED = Symbol.for('cdk-ecs-kit.appliedStandards');
/** Kit constructs that looked for a standard and found none, so apply() after them can say they missed its defaults. */
const ASKED = Symbol.for('cdk-ecs-kit.askedBeforeStandard');

/** The standards recorded on an app root, by stage; created on first use when `create`. */
function recordsOf(root: IConstruct, create: boolean): Map<IConstruct, DeploymentStandardProps> | undefined {
  const holder = root as unknown as Record<symbol, Map<IConstruct, DeploymentStandardProps> | undefined>;
  if (holder[APPLIED] || !create) return holder[APPLIED];
  const records = new Map<IConstruct, DeploymentStandardProps>();
  Object.defineProperty(root, APPLIED, { value: records, enumerable: false });
  return records;
}

export function recordStandard(scope: IConstruct, standard: DeploymentStandardProps): void {
  const at = standardScope(scope);
  const here = recordsOf(scope.node.root, true)!;
  for (const other of here.keys()) {
    // Two standards over the same stacks would run EcsChecks twice and disagree on defaults.
    const relation = other === at ? 'already has one' : inside(at, other) ? `is inside ${label(other)}, which has one` : inside(other, at) ? `contains ${label(other)}, which has one` : undefined;
    if (relation) {
      throw new Error(`DeploymentStandard: cannot apply a standard to ${label(at)}: it ${relation}. Apply one standard per app or stage `
        + '(stages side by side may each have their own); use standard.extend() to combine two.');
    }
  }
  here.set(at, standard);
}

/** The standard applied to the nearest stage (or app) `scope` belongs to, if any. */
export function appliedStandard(scope: IConstruct): DeploymentStandardProps | undefined {
  const here = recordsOf(scope.node.root, false);
  for (let s: IConstruct | undefined = scope; here && s; s = s.node.scope) {
    const standard = here.get(s);
    if (standard) return standard;
  }
  const holder = scope.node.root as unknown as Record<symbol, IConstruct[] | undefined>;
  if (!holder[ASKED]) Object.defineProperty(holder, ASKED, { value: [], enumerable: false });
  holder[ASKED]!.push(scope);
  return undefined;
}

/** Kit constructs made before a standard was applied to `scope`'s stage, below it: they did not get its defaults. */
export function askedBefore(scope: IConstruct): IConstruct[] {
  const stage = standardScope(scope);
  const asked = (scope.node.root as unknown as Record<symbol, IConstruct[] | undefined>)[ASKED] ?? [];
  return asked.filter((c) => inside(c, stage));
}

/** Where a standard applied to `scope` holds: the scope when it is a stage, else its stage, else the app root. */
function standardScope(scope: IConstruct): IConstruct {
  return Stage.isStage(scope) ? scope : Stage.of(scope) ?? scope.node.root;
}

/** Whether `inner` is `outer` or below it. */
function inside(inner: IConstruct, outer: IConstruct): boolean {
  return inner.node.scopes.includes(outer);
}

function label(c: IConstruct): string {
  return c.node.path ? `stage ${c.node.path}` : 'the app';
}
