/**
 * Where SecureRepository grants land. Roles, users and groups of the repository's account get one
 * customer-managed policy each, shared by every SecureRepository that grants to them: IAM
 * attaches at most 10 managed policies to a role (20 after a quota increase), so one policy
 * per repository and grant kind failed deploys from 5 repositories on. Principals of other
 * accounts and service principals (Lambda pulling a container image) get a repository policy
 * statement, as ecr.Repository grants them. Not exported.
 */
import { Stack, Token, TokenComparison, Validations } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { isImmutableRole } from '../internal/cdk-internals';
import { grantInPolicy } from '../security/managed-grant';

export type GrantKind = 'Pull' | 'Push';

/** The one acknowledgement the kit carries for its ECR policies (docs/registry.md). */
const GET_AUTHORIZATION_TOKEN_ACKNOWLEDGEMENT = {
  id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
  reason: 'ecr:GetAuthorizationToken is the only statement with Resource "*": the action is account-wide and IAM accepts no other resource for it '
    + '(Service Authorization Reference, Amazon ECR). Repository actions in the same policy are scoped to the repository ARN.',
};

/** Id of the shared policy under the role or user. */
const POLICY_ID = 'EcrImagesPolicy';

/** The shared policy of one role or user, with one statement per grant kind that collects repository ARNs. */
interface ImagesPolicy {
  readonly policy: iam.ManagedPolicy;
  readonly statements: Map<GrantKind, iam.PolicyStatement>;
}

const policies = new WeakMap<Construct, ImagesPolicy>();

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
  // Another account for sure: its own IAM policy is that account's to write, not this stack's.
  if (!identity || comparison === TokenComparison.DIFFERENT || isImmutableRole(grantee.grantPrincipal)) return { resource: true };
  // A literal account beside an env-agnostic stack: maybe the same account (it then needs GetAuthorizationToken), maybe not.
  return { identity, resource: true };
}

/** The shared managed policy of `identity`, in its own stack (it refers to the repository, never the other way round). */
export function imagesPolicy(identity: Identity): iam.ManagedPolicy {
  return holder(identity).policy;
}

function holder(identity: Identity): ImagesPolicy {
  const scope = identity as unknown as Construct;
  let found = policies.get(scope);
  if (found) return found;
  const is = identity as Partial<iam.IRole & iam.IUser & iam.IGroup>;
  const policy = new iam.ManagedPolicy(scope, POLICY_ID, {
    description: 'Pull and push images of ECR repositories (cdk-ecs-kit SecureRepository grants)',
    roles: is.roleArn !== undefined ? [identity as iam.IRole] : undefined,
    users: is.userArn !== undefined ? [identity as iam.IUser] : undefined,
    groups: is.groupArn !== undefined ? [identity as iam.IGroup] : undefined,
  });
  Validations.of(policy).acknowledge(GET_AUTHORIZATION_TOKEN_ACKNOWLEDGEMENT);
  found = { policy, statements: new Map() };
  policies.set(scope, found);
  return found;
}

/** Add `repository` to the `kind` statement of the identity's shared policy; the Grant depends on the policy. */
export function grantInImagesPolicy(repository: ecr.IRepository, identity: Identity, grantee: iam.IGrantable,
  kind: GrantKind, actions: string[]): iam.Grant {
  const h = holder(identity);
  let statement = h.statements.get(kind);
  if (!statement) {
    statement = new iam.PolicyStatement({ sid: `Ecr${kind}`, actions });
    h.policy.addStatements(statement);
    if (h.statements.size === 0) {
      h.policy.addStatements(new iam.PolicyStatement({ sid: 'EcrAuthorizationToken', actions: ['ecr:GetAuthorizationToken'], resources: ['*'] }));
    }
    h.statements.set(kind, statement);
  }
  if (!statement.resources.includes(repository.repositoryArn)) statement.addResources(repository.repositoryArn);
  return grantInPolicy(h.policy, grantee, new iam.PolicyStatement({ actions, resources: [repository.repositoryArn] }));
}

/** A repository policy statement for a principal of another account or a service, as ecr.Repository.grant writes it. */
export function grantInRepositoryPolicy(repository: ecr.Repository, grantee: iam.IGrantable, actions: string[]): iam.Grant {
  const statement = new iam.PolicyStatement({ actions, principals: [grantee.grantPrincipal] });
  return iam.Grant.addStatementToResourcePolicy({ grantee, actions, resourceArns: [repository.repositoryArn], resource: repository, statement });
}
