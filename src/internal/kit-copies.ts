/**
 * Where each copy of cdk-ecs-kit loaded in this process lives, and the aws-cdk-lib each copy uses. A package that
 * brings its own copy (a `file:` dependency with its own node_modules, a nested version) shares nothing module-level
 * with the app's copy, so a DeploymentStandard applied with one copy can miss constructs of the other: `apply()` warns
 * when there are two. A second aws-cdk-lib is worse: a validation plugin (a cdk-nag pack) built on it finds nothing in
 * the app's constructs.
 */
import * as path from 'path';
import { packageRoot } from './package-root';

const holder = globalThis as unknown as Record<symbol, Set<string> | undefined>;
const copies = holder[Symbol.for('cdk-ecs-kit.loadedCopies')] ??= new Set<string>();
copies.add(packageRoot());

/** The package directories of the copies of cdk-ecs-kit loaded so far, sorted. */
export function loadedCopies(): string[] {
  return [...copies].sort();
}

/**
 * The directories of the aws-cdk-lib copies that the loaded copies of cdk-ecs-kit resolve, sorted. Worked out when
 * asked (a warning), from each copy's directory, so loading the kit resolves nothing (the CLI runs without aws-cdk-lib).
 */
export function loadedCdkLibs(): string[] {
  const dirs = new Set<string>();
  for (const copy of copies) {
    try {
      dirs.add(path.dirname(require.resolve('aws-cdk-lib', { paths: [copy] })));
    } catch {
      // A copy without aws-cdk-lib (only its CLI runs): nothing to compare.
    }
  }
  return [...dirs].sort();
}
