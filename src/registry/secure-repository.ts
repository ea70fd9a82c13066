import { Annotations, RemovalPolicy, ResourceEnvironment, Stack, Token } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { checkImageDigest, checkImageTag } from './image-reference';
import { grantInImagesPolicy, grantInRepositoryPolicy, grantRoute, GrantKind, Identity, imagesPolicy, PULL_ACTIONS, PUSH_ACTIONS } from './repository-grants';
import { SecureRepositoryImage } from './repository-image';
import { checkAnyRuleLast, checkRuleCount, initialLifecycleRules, tagStatusOf } from './repository-lifecycle';
import { registerScanOnPushRepository } from './scan-on-push';
import { OrganizationPullOptions, SecureRepositoryProps } from './secure-repository-props';
import { fail } from '../errors';
import { acknowledgeOrgLimitedStar } from '../internal/nag-acknowledgements';
import { requireSynthValue } from '../internal/synth-values';
import { validateWithRules } from '../plugin/resource-validation';
import { repositoryNameIssue, repositoryNameProblems } from '../rules/registry/er-01-repository-name';
import { AWS_ACCOUNT_ID_PATTERN, AWS_ORGANIZATION_ID_PATTERN, ECR_TAG_EXCLUSION_FILTER, isValidTagExclusionFilter } from '../rules/tables/ecr-limits';
import { appliedStandard } from '../standards/applied-standard';
import { EncryptionRequirement } from '../standards/standard-props';

/** Engine rules run on the rendered lifecycle policy. */
const LIFECYCLE_RULE_IDS = ['ECS-ER-03', 'ECS-ER-08', 'ECS-ER-09'];


/**
 * An ECR repository with the kit's defaults: immutable tags, scan on push, AES256 (KMS opt-in),
 * RETAIN, and a lifecycle policy. Grants are customer-managed policies scoped to the repository.
 */
export class SecureRepository extends Construct implements ecr.IRepository {
  /** The wrapped repository. Prefer this construct's grant and image methods over its own. */
  public readonly repository: ecr.Repository;
  public readonly repositoryName: string;
  public readonly repositoryArn: string;
  public readonly repositoryUri: string;
  private readonly mutableTags: readonly string[];
  /** The lifecycle rules so far, to check each one added against the rest. */
  private readonly lifecycle: ecr.LifecycleRule[];
  /** Whether the kit's two default lifecycle rules are in the policy (no lifecycleRules given). */
  private readonly defaultRules: boolean;

  constructor(scope: Construct, id: string, props: SecureRepositoryProps = {}) {
    super(scope, id);
    this.validateName(props.repositoryName);
    this.mutableTags = this.validateMutableTags(props.mutableTags ?? []);
    const lifecycleRules = initialLifecycleRules(this.node.path, props);
    this.lifecycle = [...lifecycleRules];
    this.defaultRules = props.lifecycleRules === undefined;
    if (props.removalPolicy !== undefined) this.checkRemovalPolicy(props.removalPolicy, 'removalPolicy');
    const encryption = props.encryption ?? (props.encryptionKey || appliedStandard(this)?.requiredEncryption === EncryptionRequirement.KMS
      ? ecr.RepositoryEncryption.KMS : ecr.RepositoryEncryption.AES_256);
    // aws-cdk-lib's Repository throws "Unexpected 'encryptionType'" for KMS_DSSE: it is rendered as KMS, then typed.
    const dsse = encryption.value === ecr.RepositoryEncryption.KMS_DSSE.value;

    this.repository = new ecr.Repository(this, 'Resource', {
      repositoryName: props.repositoryName,
      imageTagMutability: this.mutableTags.length > 0 ? ecr.TagMutability.IMMUTABLE_WITH_EXCLUSION : ecr.TagMutability.IMMUTABLE,
      imageTagMutabilityExclusionFilters: this.mutableTags.length > 0
        ? this.mutableTags.map((t) => ecr.ImageTagMutabilityExclusionFilter.wildcard(t))
        : undefined,
      imageScanOnPush: true,
      encryption: dsse ? ecr.RepositoryEncryption.KMS : encryption,
      encryptionKey: props.encryptionKey,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
      emptyOnDelete: props.emptyOnDelete,
      lifecycleRules,
    });
    if (dsse) {
      (this.repository.node.defaultChild as ecr.CfnRepository).addPropertyOverride('EncryptionConfiguration.EncryptionType', 'KMS_DSSE');
      const region = Stack.of(this).region;
      if (!Token.isUnresolved(region) && !region.startsWith('us-gov-')) {
        Annotations.of(this).addWarningV2('cdk-ecs-kit:dsse-region', `encryption KMS_DSSE in ${this.node.path}, in ${region}: ECR offers dual-layer `
          + 'encryption in the AWS GovCloud (US) Regions only (encryption-at-rest.html), so creating the repository fails elsewhere. Use KMS.');
      }
    }
    // Kept for Control Tower CT.ECR.PR.2 even under ENHANCED registry scanning (scan-on-push.ts).
    registerScanOnPushRepository(this.repository);
    this.repositoryName = this.repository.repositoryName;
    this.repositoryArn = this.repository.repositoryArn;
    this.repositoryUri = this.repository.repositoryUri;
    validateWithRules(this, this.repository.node.defaultChild as ecr.CfnRepository, LIFECYCLE_RULE_IDS);
  }

  /**
   * Add a lifecycle rule; the whole policy is checked at synth. Next to the default rules, a rule without rulePriority
   * (other than the tag-status-any one) is numbered after the rules added before it and before the defaults: after
   * them it would never act, since the default rule keeping tagged images matches every tagged image first.
   */
  public addLifecycleRule(rule: ecr.LifecycleRule): void {
    checkRuleCount(this.node.path, rule, 'addLifecycleRule');
    const placed = this.defaultRules && rule.rulePriority === undefined && tagStatusOf(rule) !== ecr.TagStatus.ANY
      ? { ...rule, rulePriority: 1 + Math.max(0, ...this.lifecycle.map((r) => r.rulePriority ?? 0)) } : rule;
    checkAnyRuleLast(this.node.path, [...this.lifecycle, placed]);
    this.lifecycle.push(placed);
    this.repository.addLifecycleRule(placed);
  }

  /**
   * Let `grantee` pull images, as ecr.IRepository's grantPull. A role, user or group of this account gets the permissions
   * in its one customer-managed policy for SecureRepository grants (`pullPolicy(grantee)`, not an inline one), and the
   * Grant depends on it. A principal of another account, or a service principal, gets a repository policy statement.
   */
  public grantPull(grantee: iam.IGrantable): iam.Grant {
    return this.grantKind('Pull', grantee, PULL_ACTIONS);
  }

  /** Let `grantee` push images; same shape as `grantPull`. */
  public grantPush(grantee: iam.IGrantable): iam.Grant {
    return this.grantKind('Push', grantee, PUSH_ACTIONS);
  }

  /** Let `grantee` pull and push. */
  public grantPullPush(grantee: iam.IGrantable): iam.Grant {
    return this.grantPull(grantee).combine(this.grantPush(grantee));
  }

  /**
   * The customer-managed policy that lets `grantee` (a role, user or group of this account) pull: shared by up to 20
   * SecureRepositories that grant to it (then a second one starts, under IAM's 6,144-character policy limit), with the
   * pull actions on the repository ARNs and ecr:GetAuthorizationToken on `*` (the one action that takes no resource). Idempotent.
   */
  public pullPolicy(grantee: iam.IGrantable): iam.ManagedPolicy {
    this.grantKind('Pull', grantee, PULL_ACTIONS);
    return imagesPolicy(this.identity(grantee), this);
  }

  /** The customer-managed policy that lets `grantee` push; the same policy as `pullPolicy`. */
  public pushPolicy(grantee: iam.IGrantable): iam.ManagedPolicy {
    this.grantKind('Push', grantee, PUSH_ACTIONS);
    return imagesPolicy(this.identity(grantee), this);
  }

  /** Any actions on this repository, as aws-cdk-lib grants them (inline on the principal). */
  public grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant {
    return this.repository.grant(grantee, ...actions);
  }

  /** Read (describe) the repository, as aws-cdk-lib grants it. */
  public grantRead(grantee: iam.IGrantable): iam.Grant {
    return this.repository.grantRead(grantee);
  }

  /** The repository's stack (ecr.IRepository). */
  public get stack(): Stack {
    return this.repository.stack;
  }

  /** The repository's environment (ecr.IRepository). */
  public get env(): ResourceEnvironment {
    return this.repository.env;
  }

  /** Reference to the repository (ecr.IRepository). */
  public get repositoryRef(): ecr.RepositoryReference {
    return this.repository.repositoryRef;
  }

  /** The registry's URI (ecr.IRepository). */
  public get registryUri(): string {
    return this.repository.registryUri;
  }

  /** The URI of an image tag (ecr.IRepository). */
  public repositoryUriForTag(tag?: string): string {
    return this.repository.repositoryUriForTag(tag);
  }

  /** The URI of an image digest (ecr.IRepository). */
  public repositoryUriForDigest(digest?: string): string {
    return this.repository.repositoryUriForDigest(digest);
  }

  /** The URI of a tag or digest (ecr.IRepository). */
  public repositoryUriForTagOrDigest(tagOrDigest?: string): string {
    return this.repository.repositoryUriForTagOrDigest(tagOrDigest);
  }

  /** Add a statement to the repository policy (ecr.IRepository). */
  public addToResourcePolicy(statement: iam.PolicyStatement): iam.AddToResourcePolicyResult {
    return this.repository.addToResourcePolicy(statement);
  }

  /** Apply a removal policy to the repository (ecr.IRepository). */
  public applyRemovalPolicy(policy: RemovalPolicy): void {
    this.checkRemovalPolicy(policy, 'applyRemovalPolicy');
    this.repository.applyRemovalPolicy(policy);
  }

  /** EventBridge rule for CloudTrail events of the repository (ecr.IRepository). */
  public onCloudTrailEvent(id: string, options?: events.OnEventOptions): events.Rule {
    return this.repository.onCloudTrailEvent(id, options);
  }

  /** EventBridge rule for image pushes (ecr.IRepository). */
  public onCloudTrailImagePushed(id: string, options?: ecr.OnCloudTrailImagePushedOptions): events.Rule {
    return this.repository.onCloudTrailImagePushed(id, options);
  }

  /** EventBridge rule for completed image scans (ecr.IRepository). */
  public onImageScanCompleted(id: string, options?: ecr.OnImageScanCompletedOptions): events.Rule {
    return this.repository.onImageScanCompleted(id, options);
  }

  /** EventBridge rule for events of the repository (ecr.IRepository). */
  public onEvent(id: string, options?: events.OnEventOptions): events.Rule {
    return this.repository.onEvent(id, options);
  }

  /**
   * Let accounts of an AWS Organization pull, through the repository policy with an
   * `aws:PrincipalOrgID` condition. The pulling roles still need their own IAM permissions.
   */
  public grantOrganizationPull(organizationId: string, options: OrganizationPullOptions = {}): void {
    if (!Token.isUnresolved(organizationId) && !AWS_ORGANIZATION_ID_PATTERN.test(organizationId)) {
      fail({
        code: 'KIT-REGISTRY-ORG-ID',
        problem: `organizationId '${organizationId}' is not an AWS Organizations id`,
        path: this.node.path,
        allowed: "'o-' followed by 10-32 lowercase letters or digits",
        fix: 'Pass the id shown by `aws organizations describe-organization`.',
      });
    }
    const accounts = options.accountIds ?? [];
    for (const account of accounts) {
      if (!Token.isUnresolved(account) && !AWS_ACCOUNT_ID_PATTERN.test(account)) {
        fail({
          code: 'KIT-REGISTRY-ACCOUNT-ID',
          problem: `accountIds entry '${account}' is not an AWS account id`,
          path: this.node.path,
          allowed: '12 digits',
          fix: 'Pass 12-digit account ids.',
        });
      }
    }
    this.repository.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'OrganizationPull',
      actions: PULL_ACTIONS,
      principals: accounts.length > 0 ? accounts.map((a) => new iam.AccountPrincipal(a)) : [new iam.AnyPrincipal()],
      conditions: { StringEquals: { 'aws:PrincipalOrgID': organizationId } },
    }));
    if (accounts.length === 0) acknowledgeOrgLimitedStar(this.repository);
  }

  /** An image reference by tag; binding it to a container grants the execution role pull through a managed policy. */
  public imageForTag(tag: string): ecs.ContainerImage {
    checkImageTag(this.node.path, tag, 'Use the tag your pipeline pushed, or pin a digest with imageForDigest.');
    if (!Token.isUnresolved(tag)) {
      if (this.mutableTags.some((pattern) => wildcardMatches(pattern, tag))) {
        Annotations.of(this).addWarningV2('cdk-ecs-kit:mutable-image-tag',
          `Tag '${tag}' is excluded from tag immutability in ${this.node.path}: the image behind it can change between deployments. Pin a digest with imageForDigest.`);
      } else if (tag === 'latest') {
        // A pipeline that pushes :latest on every build fails from the second push on (ImageTagAlreadyExistsException).
        Annotations.of(this).addWarningV2('cdk-ecs-kit:immutable-latest-tag',
          `Tag 'latest' in ${this.node.path}, whose tags are immutable: ECR takes one push of it and refuses the next (ImageTagAlreadyExistsException), `
          + 'so the tasks keep the first image pushed as latest. Use the version tag your pipeline pushes, or a digest with imageForDigest.');
      }
    }
    return new SecureRepositoryImage(this, this.repository.repositoryUriForTag(tag));
  }

  /** An image reference by digest (`sha256:...`): the deployment is immutable. */
  public imageForDigest(digest: string): ecs.ContainerImage {
    checkImageDigest(this.node.path, digest, 'Use the digest from `docker push` or `aws ecr describe-images`.');
    return new SecureRepositoryImage(this, this.repository.repositoryUriForDigest(digest));
  }

  private grantKind(kind: GrantKind, grantee: iam.IGrantable, actions: string[]): iam.Grant {
    const route = grantRoute(this, grantee);
    const inPolicy = route.identity ? grantInImagesPolicy(this, route.identity, grantee, kind, actions) : undefined;
    if (!route.resource) return inPolicy!;
    const inRepository = grantInRepositoryPolicy(this.repository, grantee, actions);
    return inPolicy ? inPolicy.combine(inRepository) : inRepository;
  }

  /** The role, user or group whose managed policy holds the grant; fails for principals that get a repository statement. */
  private identity(grantee: iam.IGrantable): Identity {
    const identity = grantRoute(this, grantee).identity;
    if (!identity) {
      fail({
        code: 'KIT-REGISTRY-GRANTEE',
        problem: `grantee ${grantee.grantPrincipal} has no managed policy in this account`,
        path: this.node.path,
        allowed: 'a role, user or group of the repository\'s account',
        fix: 'Use grantPull / grantPush, which give principals of other accounts and service principals a repository policy statement.',
      });
    }
    return identity;
  }

  /** Snapshot is a policy of volumes and databases: on a repository aws-cdk-lib only warns and writes it into the template. */
  private checkRemovalPolicy(policy: RemovalPolicy, prop: string): void {
    if (policy !== RemovalPolicy.SNAPSHOT) return;
    fail({
      code: 'KIT-REGISTRY-REMOVAL-POLICY',
      problem: `${prop} is RemovalPolicy.SNAPSHOT, which ECR repositories do not support`,
      path: this.node.path,
      allowed: 'RemovalPolicy.RETAIN (the default), RETAIN_ON_UPDATE_OR_DELETE or DESTROY (with emptyOnDelete to delete the images)',
      fix: 'Use RemovalPolicy.RETAIN to keep the repository and its images when it leaves the stack.',
    });
  }

  private validateName(name: string | undefined): void {
    const issue = name === undefined || Token.isUnresolved(name) ? undefined : repositoryNameIssue(name);
    if (!issue) return;
    fail({ code: 'ECS-ER-01', problem: `repositoryName '${name}' ${repositoryNameProblems(name!)}`, path: this.node.path, allowed: issue.allowed, fix: issue.fix });
  }

  private validateMutableTags(tags: string[]): string[] {
    requireSynthValue(this.node.path, 'mutableTags', tags, 'the kit checks each pattern and matches image tags against them');
    if (tags.length > ECR_TAG_EXCLUSION_FILTER.maxFilters) {
      fail({
        code: 'ECS-ER-02',
        problem: `mutableTags has ${tags.length} entries`,
        path: this.node.path,
        allowed: ECR_TAG_EXCLUSION_FILTER.describe,
        fix: 'Use wildcards (e.g. dev-*) to cover several tags with one filter.',
      });
    }
    for (const tag of tags) {
      if (Token.isUnresolved(tag) || isValidTagExclusionFilter(tag)) continue;
      fail({
        code: 'ECS-ER-02',
        problem: `mutableTags entry '${tag}' is not a valid tag filter`,
        path: this.node.path,
        allowed: ECR_TAG_EXCLUSION_FILTER.describe,
        fix: 'Remove other characters from the filter.',
      });
    }
    return tags;
  }
}

/** ECR WILDCARD filter semantics: `*` matches any run of characters. */
function wildcardMatches(pattern: string, tag: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(tag);
}

