/**
 * Where SecureRepository grants land. Roles, users and groups of the repository's account get one
 * customer-managed policy each, shared by every SecureRepository that grants to them: IAM
 * attaches at most 10 managed policies to a role (20 after a quota increase), so one policy
 * per repository and grant kind failed deploys from 5 repositories on. Principals of other
 * accounts and service principals (Lambda pulling a container image) get a repository policy
 * statement, as ecr.Repository grants them. Not exported.
 */
import { CfnResource, Stack, Token, TokenComparison } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { isImmutableRole } from '../internal/cdk-internals';
import { acknowledgeStarOnlyFor } from '../internal/nag-acknowledgements';
import { grantInPolicy } from '../security/managed-grant';

export type GrantKind = 'Pull' | 'Push';

/** The one acknowledgement the kit carries for its ECR policies (docs/registry.md). */
const GET_AUTHORIZATION_TOKEN_ACKNOWLEDGEMENT = {
  id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
  reason: 'ecr:GetAuthorizationToken is the only statement with Resource "*": the action is account-wide and IAM accepts no other resource for it '
    + '(Service Authorization Reference, Amazon ECR). Repository actions in the same policy are scoped to the repository ARN.',
};

/** Id of the shared policy under the role or user; the second and later get a number. */
const POLICY_ID = 'EcrImagesPolicy';

/** The repository actions of a pull and of a push grant. */
export const PULL_ACTIONS = ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'];
export const PUSH_ACTIONS = ['ecr:BatchCheckLayerAvailability', 'ecr:InitiateLayerUpload', 'ecr:UploadLayerPart', 'ecr:CompleteLayerUpload', 'ecr:PutImage'];

/** Repositories per policy, at most: fewer when their ARNs are long (see POLICY_CHARS). */
export const REPOSITORIES_PER_POLICY = 20;

/**
 * IAM limits a customer-managed policy to 6,144 characters without whitespace (IAM quotas). The kit fills a policy to
 * 6,000, keeping some room for what an estimate of an ARN cannot know.
 */
export const POLICY_CHARS = 6_000;

/** The shared policy with its three statements and no repository, as IAM counts it (JSON without whitespace). */
const EMPTY_POLICY_CHARS = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'EcrPull', Effect: 'Allow', Action: PULL_ACTIONS, Resource: [] },
    { Sid: 'EcrPush', Effect: 'Allow', Action: PUSH_ACTIONS, Resource: [] },
    { Sid: 'EcrAuthorizationToken', Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
  ],
}).length;

/** The longest partition (aws-us-gov) and Region name (ap-southeast-7, us-isob-east-1) an ARN may carry. */
const MAX_PARTITION_CHARS = 10;
const MAX_REGION_CHARS = 14;
/** The hyphen and random suffix CloudFormation adds to a name it generates from the stack name and logical ID. */
const GENERATED_NAME_SUFFIX_CHARS = 14;
/** ECR's longest repository name. */
const MAX_NAME_CHARS = 256;

/**
 * Characters a repository takes in the policy, listed in both the pull and the push statement (so a push grant always
 * fits where the pull grant is): its ARN as deployed, estimated from the highest lengths where the template holds a token.
 */
function policyChars(repository: ecr.IRepository): number {
  const arn = repository.repositoryArn;
  const region = repository.env.region;
  const arnChars = !Token.isUnresolved(arn) ? arn.length
    : 'arn::ecr:::repository/'.length + MAX_PARTITION_CHARS + (Token.isUnresolved(region) ? MAX_REGION_CHARS : region.length) + 12 + nameChars(repository);
  return 2 * (arnChars + '"",'.length);
}

/** The repository name's length, or an estimate of the name CloudFormation will generate. */
function nameChars(repository: ecr.IRepository): number {
  if (!Token.isUnresolved(repository.repositoryName)) return repository.repositoryName.length;
  // SecureRepository > ecr.Repository > CfnRepository
  let resource = repository.node.defaultChild;
  while (resource && !(resource instanceof ecr.CfnRepository)) resource = resource.node.defaultChild;
  if (!(resource instanceof ecr.CfnRepository)) return MAX_NAME_CHARS;
  if (resource.repositoryName !== undefined && !Token.isUnresolved(resource.repositoryName)) return resource.repositoryName.length;
  const stack = Stack.of(resource);
  const logicalId: unknown = stack.resolve(resource.logicalId);
  if (Token.isUnresolved(stack.stackName) || typeof logicalId !== 'string') return MAX_NAME_CHARS;
  return Math.min(MAX_NAME_CHARS, stack.stackName.length + 1 + logicalId.length + GENERATED_NAME_SUFFIX_CHARS);
}

/** One shared policy of a role, user or group: one statement per grant kind, collecting repository ARNs. */
interface ImagesPolicy {
  readonly policy: iam.ManagedPolicy;
  readonly statements: Map<GrantKind, iam.PolicyStatement>;
  /** ARNs (tokens) of the repositories the policy names. */
  readonly repositories: Set<string>;
  /** Characters of the policy with its repositories, estimated (policyChars). */
  chars: number;
}

const policies = new WeakMap<Construct, ImagesPolicy[]>();

/** An identity of this kit's policies: a role, user or group (groups cannot be named in a repository policy). */
export type Identity = iam.IRole | iam.IUser | iam.IGroup;

/** The role, user or group of the grantee, with a construct to hold the policy; undefined for other principals. */
function identityOf(grantee: iam.IGrantable): Identity | undefined {
  const principal = grantee.grantPrincipal as Partial<iam.IRole & iam.IUser & iam.IGroup>;
  if (!principal.node) return undefined;
  if (principal.roleArn !== undefined || principal.userArn !== undefined || principal.groupArn !== undefined) return principal as Identity;
  return undefined;
}

/**
 * How a grantee is reached: `identity` for a role, user or group of the repository's account (or one the
 * template cannot tell apart from it), `resource` for a principal of another account or a service.
 */
export function grantRoute(repository: ecr.IRepository, grantee: iam.IGrantable): { identity?: Identity; resource: boolean } {
  const identity = identityOf(grantee);
  const account = grantee.grantPrincipal.principalAccount;
  const comparison = account === undefined ? undefined : Token.compareStrings(Stack.of(repository).account, account);
  const group = (identity as Partial<iam.IGroup> | undefined)?.groupArn !== undefined;
  if (identity && (group || account === undefined || comparison === TokenComparison.SAME || comparison === TokenComparison.BOTH_UNRESOLVED)) {
    return { identity, resource: false };
  }
  if (!identity || isImmutableRole(grantee.grantPrincipal)) return { resource: true };
  // Another account for sure: an identity imported by ARN is that account's to grant; one this app creates (a task's
  // role in a workload account's stack) gets its half in its own stack, as aws-cdk-lib's cross-account grants do.
  if (comparison === TokenComparison.DIFFERENT) {
    return CfnResource.isCfnResource(identity.node.defaultChild) ? { identity, resource: true } : { resource: true };
  }
  // A literal account beside an env-agnostic stack: maybe the same account (it then needs GetAuthorizationToken), maybe not.
  return { identity, resource: true };
}

/** The shared managed policy of `identity` that names `repository` (in the identity's stack: it refers to the repository, never the other way round). */
export function imagesPolicy(identity: Identity, repository: ecr.IRepository): iam.ManagedPolicy {
  return holder(identity, repository).policy;
}

/** The policy naming the repository, else the last one with room for it, else a new one. */
function holder(identity: Identity, repository: ecr.IRepository): ImagesPolicy {
  const scope = identity as unknown as Construct;
  let list = policies.get(scope);
  if (!list) policies.set(scope, list = []);
  const named = list.find((h) => h.repositories.has(repository.repositoryArn));
  if (named) return named;
  const last = list[list.length - 1];
  if (last && last.repositories.size < REPOSITORIES_PER_POLICY && last.chars + policyChars(repository) <= POLICY_CHARS) return last;
  const is = identity as Partial<iam.IRole & iam.IUser & iam.IGroup>;
  const policy = new iam.ManagedPolicy(scope, list.length === 0 ? POLICY_ID : `${POLICY_ID}${list.length + 1}`, {
    description: 'Pull and push images of ECR repositories (cdk-ecs-kit SecureRepository grants)',
    roles: is.roleArn !== undefined ? [identity as iam.IRole] : undefined,
    users: is.userArn !== undefined ? [identity as iam.IUser] : undefined,
    groups: is.groupArn !== undefined ? [identity as iam.IGroup] : undefined,
  });
  // Only while GetAuthorizationToken is all the policy grants on "*": a statement the app adds keeps its finding.
  acknowledgeStarOnlyFor(policy, ['ecr:GetAuthorizationToken'], GET_AUTHORIZATION_TOKEN_ACKNOWLEDGEMENT);
  const created: ImagesPolicy = { policy, statements: new Map(), repositories: new Set(), chars: EMPTY_POLICY_CHARS };
  list.push(created);
  return created;
}

/** Add `repository` to the `kind` statement of one of the identity's shared policies; the Grant depends on that policy. */
export function grantInImagesPolicy(repository: ecr.IRepository, identity: Identity, grantee: iam.IGrantable,
  kind: GrantKind, actions: string[]): iam.Grant {
  const arn = repository.repositoryArn;
  const h = holder(identity, repository);
  let statement = h.statements.get(kind);
  if (!statement) {
    statement = new iam.PolicyStatement({ sid: `Ecr${kind}`, actions });
    h.policy.addStatements(statement);
    if (h.statements.size === 0) {
      h.policy.addStatements(new iam.PolicyStatement({ sid: 'EcrAuthorizationToken', actions: ['ecr:GetAuthorizationToken'], resources: ['*'] }));
    }
    h.statements.set(kind, statement);
  }
  if (!h.repositories.has(arn)) h.chars += policyChars(repository);
  h.repositories.add(arn);
  if (!statement.resources.includes(arn)) statement.addResources(arn);
  return grantInPolicy(h.policy, grantee, new iam.PolicyStatement({ actions, resources: [arn] }));
}

/** A repository policy statement for a principal of another account or a service, as ecr.Repository.grant writes it. */
export function grantInRepositoryPolicy(repository: ecr.Repository, grantee: iam.IGrantable, actions: string[]): iam.Grant {
  const statement = new iam.PolicyStatement({ actions, principals: [grantee.grantPrincipal] });
  return iam.Grant.addStatementToResourcePolicy({ grantee, actions, resourceArns: [repository.repositoryArn], resource: repository, statement });
}
