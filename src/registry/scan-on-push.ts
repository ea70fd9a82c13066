/**
 * ECR ignores a repository's scanOnPush under ENHANCED registry scanning (ECS-ER-14 warns about it), but
 * Control Tower CT.ECR.PR.2 requires it on every private repository. SecureRepository keeps it, and when a
 * RegistryScanning with ENHANCED scanning of the same account and Region is in the app, the warning is
 * acknowledged with that reason. Either construct may come first, so both register here.
 */
import { Stack, Validations } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import { IConstruct } from 'constructs';

const REASON = 'Control Tower CT.ECR.PR.2 requires ImageScanningConfiguration.ScanOnPush true on every private repository; '
  + 'under ENHANCED registry scanning ECR ignores it and the registry scanning rules decide, so keeping it costs nothing.';

interface AppRegistry {
  readonly enhanced: string[];
  readonly repositories: { readonly repository: ecr.Repository; readonly registry: string }[];
}

const APPS = new WeakMap<IConstruct, AppRegistry>();

/** Account and Region of a construct's stack (the same tokens for env-agnostic stacks). */
function registryOf(scope: IConstruct): string {
  const stack = Stack.of(scope);
  return `${stack.account}|${stack.region}`;
}

function appRegistry(scope: IConstruct): AppRegistry {
  const root = scope.node.root;
  let registry = APPS.get(root);
  if (!registry) APPS.set(root, registry = { enhanced: [], repositories: [] });
  return registry;
}

function acknowledge(repository: ecr.Repository): void {
  Validations.of(repository).acknowledge({ id: 'ECS-ER-14', reason: REASON });
}

/** A kit repository with scanOnPush: acknowledged now if ENHANCED scanning of its registry is already in the app. */
export function registerScanOnPushRepository(repository: ecr.Repository): void {
  const app = appRegistry(repository);
  const registry = registryOf(repository);
  app.repositories.push({ repository, registry });
  if (app.enhanced.includes(registry)) acknowledge(repository);
}

/** ENHANCED registry scanning: the kit repositories of the same registry already in the app are acknowledged. */
export function registerEnhancedScanning(scope: IConstruct): void {
  const app = appRegistry(scope);
  const registry = registryOf(scope);
  if (app.enhanced.includes(registry)) return;
  app.enhanced.push(registry);
  for (const r of app.repositories) if (r.registry === registry) acknowledge(r.repository);
}
