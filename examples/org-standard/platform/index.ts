/**
 * The platform team's package (e.g. `@acme/cdk-standard`): one standard that
 * every team's app applies with one line. It re-exports the kit so apps import
 * from one place; the kit (and aws-cdk-lib, cdk-nag) stay peer dependencies of
 * the platform package, so the app installs one copy (docs/standards.md).
 */
import { DeploymentStandard, EncryptionRequirement } from '../../../src';

/** The org's ECR accounts and ECR Public: the only image sources. */
export const ORG_IMAGE_SOURCES = ['111111111111.dkr.ecr.*.amazonaws.com/*', 'public.ecr.aws/*'];

/** Version 1: the baseline (AwsSolutions) plus the org's tags, Regions, sizes, logs, encryption and registries. */
export const ACME_STANDARD = DeploymentStandard.BASELINE.extend({
  name: 'acme-platform',
  version: '1.0.0',
  requiredTags: ['team', 'cost-center', 'managed-by'],
  defaultTags: { 'managed-by': 'acme-platform' },
  requireTagPropagation: true,
  allowedRegions: ['eu-west-1', 'eu-central-1'],
  allowedFargateSizes: ['256/512', '512/1024', '1024/2048', '2048/4096'],
  maxTaskVcpu: 2,
  maxDesiredCount: 20,
  minLogRetentionDays: 365,
  requiredEncryption: EncryptionRequirement.KMS,
  allowedImageSources: ORG_IMAGE_SOURCES,
  allowPublicLoadBalancers: false,
  allowExecuteCommand: false,
});

/**
 * Version 2, not yet adopted: images pinned by digest, at most 10 tasks per
 * service. Teams run `cdk-ecs-kit check --standard acme-2.0.0.json cdk.out`
 * to see what it would newly fail before it becomes the default.
 */
export const ACME_STANDARD_V2 = ACME_STANDARD.extend({ version: '2.0.0', requireImageDigest: true, maxDesiredCount: 10 });

export * from '../../../src';
