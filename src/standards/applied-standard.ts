/**
 * Which standard an app applies, for construct-time defaults. Kept by app
 * root in a WeakMap (not context: context cannot be set once the app has
 * children), so kit constructs created after `apply()` read it.
 */
import { IConstruct } from 'constructs';
import type { DeploymentStandardProps } from './standard-props';

const applied = new WeakMap<IConstruct, DeploymentStandardProps>();

export function recordStandard(scope: IConstruct, standard: DeploymentStandardProps): void {
  const root = scope.node.root;
  if (applied.has(root)) {
    throw new Error(`DeploymentStandard: a standard is already applied to ${root.node.path || 'the app'}; apply one standard per app (use standard.extend() to combine).`);
  }
  applied.set(root, standard);
}

/** The standard applied to the app `scope` belongs to, if any. */
export function appliedStandard(scope: IConstruct): DeploymentStandardProps | undefined {
  return applied.get(scope.node.root);
}
