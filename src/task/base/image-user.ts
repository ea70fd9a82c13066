/**
 * The default user of a Linux container. An image that already runs as a
 * non-root uid owns its files for that uid, so the kit keeps that uid for
 * the well-known non-root image families; any other image runs as uid 1000.
 * Scratch paths are writable for every uid (see scratch-init.ts), so the
 * choice only matters for files the image itself owns.
 */
import { Token } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { repositoryImageName } from '../../internal/cdk-internals';

/** The fallback non-root uid. */
export const DEFAULT_USER = '1000';

/** A family of images that run as a fixed non-root uid. */
export interface NonRootImageFamily {
  /** What the family is, for docs and messages. */
  readonly name: string;
  /** Matches the image reference. */
  readonly pattern: RegExp;
  /** The uid the images run as. */
  readonly uid: string;
}

/** Image families whose published images run as a documented non-root uid. */
export const NON_ROOT_IMAGE_FAMILIES: readonly NonRootImageFamily[] = [
  { name: 'Google distroless, nonroot tag', pattern: /(^|\/)distroless\/[^:@]+:(.*-)?nonroot\b/, uid: '65532' },
  { name: 'Chainguard images', pattern: /^cgr\.dev\/chainguard\//, uid: '65532' },
  { name: 'NGINX unprivileged', pattern: /(^|\/)nginx(inc)?\/nginx-unprivileged[:@]|(^|\/)nginx-unprivileged[:@]/, uid: '101' },
  { name: 'Bitnami', pattern: /(^|\/)bitnami\//, uid: '1001' },
];

/** The uid a kit container runs as when `user` is not given. */
export function defaultUserFor(image: ecs.ContainerImage): string {
  const ref = imageReference(image);
  return NON_ROOT_IMAGE_FAMILIES.find((f) => ref !== undefined && f.pattern.test(ref))?.uid ?? DEFAULT_USER;
}

/** The image reference of a registry image, undefined for assets, ECR repositories and tokens. */
export function imageReference(image: ecs.ContainerImage): string | undefined {
  if (!(image instanceof ecs.RepositoryImage)) return undefined;
  const ref = repositoryImageName(image);
  return Token.isUnresolved(ref) ? undefined : ref;
}
