/**
 * Where each copy of cdk-ecs-kit loaded in this process lives. A package that brings its own copy (a `file:`
 * dependency with its own node_modules, a nested version) shares nothing module-level with the app's copy, so a
 * DeploymentStandard applied with one copy can miss constructs of the other: `apply()` warns when there are two.
 */
import { packageRoot } from './package-root';

const COPIES = Symbol.for('cdk-ecs-kit.loadedCopies');
const holder = globalThis as unknown as Record<symbol, Set<string> | undefined>;
const copies = holder[COPIES] ??= new Set<string>();
copies.add(packageRoot());

/** The package directories of the copies of cdk-ecs-kit loaded so far, sorted. */
export function loadedCopies(): string[] {
  return [...copies].sort();
}
