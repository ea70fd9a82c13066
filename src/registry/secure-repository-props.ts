import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as kms from 'aws-cdk-lib/aws-kms';

/** Properties of a SecureRepository. */
export interface SecureRepositoryProps {
  /**
   * Repository name (ER-01). A name makes replacements impossible; prefer the generated one.
   * @default - CloudFormation generates a name
   */
  readonly repositoryName?: string;
  /**
   * Tags that stay mutable, e.g. `['latest']` (wildcards allowed: `dev-*`). Any entry switches the
   * repository to IMMUTABLE_WITH_EXCLUSION, which the Control Tower rule CT.ECR.PR.3 flags: it accepts only IMMUTABLE.
   * @default - none: every tag is immutable (IMMUTABLE)
   */
  readonly mutableTags?: string[];
  /**
   * Server-side encryption. No cdk-nag or Control Tower rule asks for KMS on ECR, so AES256 is the default.
   * KMS_DSSE (two layers, AWS GovCloud (US) Regions only) is supported, though aws-cdk-lib's own Repository rejects it.
   * @default - KMS when `encryptionKey` is given or the app's DeploymentStandard requires KMS encryption, AES256 otherwise
   */
  readonly encryption?: ecr.RepositoryEncryption;
  /**
   * Customer managed KMS key. Encryption settings are create-only: changing them replaces the repository (ER-11).
   * @default - no customer key (AES256, or the AWS managed key with `encryption: KMS`)
   */
  readonly encryptionKey?: kms.IKey;
  /**
   * What happens to the repository when it leaves the stack. SNAPSHOT is refused (KIT-REGISTRY-REMOVAL-POLICY): ECR has no snapshots.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Delete the images with the repository. Needs `removalPolicy: DESTROY` (ER-12).
   * @default false
   */
  readonly emptyOnDelete?: boolean;
  /**
   * Untagged images are expired this long after their push (whole days, at least 1).
   * @default Duration.days(14)
   */
  readonly untaggedImageExpiration?: Duration;
  /**
   * The number of most recent tagged images kept. Older tagged images are expired. Keep it above the number
   * of image versions any service may still run (rollbacks pull old digests).
   * @default 100
   */
  readonly maxTaggedImages?: number;
  /**
   * A custom lifecycle policy replacing the default two rules. Checked at synth against
   * ECS-ER-03 (unique rulePriority), ECS-ER-08 (countNumber >= 1) and ECS-ER-09 (50 rules, 30,720 characters).
   * @default - expire untagged images after `untaggedImageExpiration`, keep the last `maxTaggedImages` tagged images
   */
  readonly lifecycleRules?: ecr.LifecycleRule[];
}

/** Options for `SecureRepository.grantOrganizationPull`. */
export interface OrganizationPullOptions {
  /**
   * Restrict the principals to these accounts (still required to be in the organization).
   * Without accounts the statement's principal is `*`, which AwsSolutions-ECR1 flags whatever the
   * condition says; the repository then carries a precise acknowledgement for it.
   * @default - every account of the organization
   */
  readonly accountIds?: string[];
}
