/** The user the kit runs a container as when `user` is not given, which the generated code must tell (Copilot ran the image's own). */
import type * as imageUser from '../task/base/image-user';

/**
 * The uid the kit gives a Linux container without `user` when that is not the image's own user (task/base/image-user.ts):
 * '1000', or undefined for a registry image of a well-known non-root family, which keeps its own uid.
 * `imageExpr` is the generated image expression; `location` the manifest's image reference.
 */
export function kitUser(imageExpr: string, location: unknown): string | undefined {
  // Loaded here: `check` and `quotas` load the migrator and must start without aws-cdk-lib (test/cli/lazy-modules.test.ts).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { DEFAULT_USER, NON_ROOT_IMAGE_FAMILIES } = require('../task/base/image-user') as typeof imageUser;
  // The kit reads the reference of registry images only (not of ECR repositories or assets).
  const ref = imageExpr.startsWith('ecs.ContainerImage.fromRegistry(') && typeof location === 'string' ? location : undefined;
  return NON_ROOT_IMAGE_FAMILIES.some((f) => ref !== undefined && f.pattern.test(ref)) ? undefined : DEFAULT_USER;
}

/** The comment above a sidecar whose user the kit picks. */
export function sidecarUserComment(name: string, uid: string): string {
  return `// ${name}: the kit runs it as uid ${uid}, not as the image's user: set user if it needs that one (e.g. '0' for an agent that needs root).`;
}
