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
const cdkLibs = holder[Symbol.for('cdk-ecs-kit.cdkLibCopies')] ??= new Set<string>();
const cdkLib = cdkLibDir();
if (cdkLib) cdkLibs.add(cdkLib);

/** The package directories of the copies of cdk-ecs-kit loaded so far, sorted. */
export function loadedCopies(): string[] {
  return [...copies].sort();
}

/** The directories of the aws-cdk-lib copies that the loaded copies of cdk-ecs-kit resolve, sorted. */
export function loadedCdkLibs(): string[] {
  return [...cdkLibs].sort();
}

/** Where this copy's aws-cdk-lib is, without loading it (the CLI runs without aws-cdk-lib). */
function cdkLibDir(): string | undefined {
  try {
    return path.dirname(require.resolve('aws-cdk-lib'));
  } catch {
    return undefined;
  }
}
