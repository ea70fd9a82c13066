/**
 * Task and execution roles whose grants land in customer-managed policies:
 * HIPAA, NIST and PCI packs flag the inline policies `grant*` normally creates.
 */
import { PhysicalName, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { fail } from '../../errors';

/**
 * A role whose `addToPrincipalPolicy` (what every `grant*` calls) adds to a
 * managed policy created on first use, instead of an inline DefaultPolicy.
 */
export class ManagedGrantsRole extends iam.Role {
  private grantsPolicy?: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, props: iam.RoleProps, private readonly policyDescription: string) {
    super(scope, id, props);
  }

  /** The managed policy holding this role's grants, once one exists. */
  public get managedPolicy(): iam.ManagedPolicy | undefined {
    return this.grantsPolicy;
  }

  public addToPrincipalPolicy(statement: iam.PolicyStatement): iam.AddToPrincipalPolicyResult {
    if (!this.grantsPolicy) {
      this.grantsPolicy = new iam.ManagedPolicy(this, 'Policy', { description: this.policyDescription, roles: [this] });
    }
    this.grantsPolicy.addStatements(statement);
    return { statementAdded: true, policyDependable: this.grantsPolicy };
  }
}

/** The ECS tasks principal, scoped to this account (confused-deputy guard). */
function ecsTasksPrincipal(scope: Construct): iam.IPrincipal {
  const stack = Stack.of(scope);
  return new iam.ServicePrincipal('ecs-tasks.amazonaws.com').withConditions({
    StringEquals: { 'aws:SourceAccount': stack.account },
  });
}

/** Execution role: pulls images, writes logs, reads secrets; nothing else. */
export function createExecutionRole(scope: Construct): ManagedGrantsRole {
  return new ManagedGrantsRole(scope, 'ExecutionRole', {
    assumedBy: ecsTasksPrincipal(scope),
    description: `ECS execution role of ${scope.node.path}: image pull, logs, secrets`,
    // As aws-cdk-lib's own execution role: a repository or secret of another account in the app names the role in its
    // resource policy, which needs a physical name; same-account apps render none.
    roleName: PhysicalName.GENERATE_IF_NEEDED,
  }, 'Image pull, log writing and secret reads for the task\'s containers');
}

/** Task role: what the application calls; empty until something is granted. */
export function createTaskRole(scope: Construct): ManagedGrantsRole {
  return new ManagedGrantsRole(scope, 'TaskRole', {
    assumedBy: ecsTasksPrincipal(scope),
    description: `ECS task role of ${scope.node.path}`,
    roleName: PhysicalName.GENERATE_IF_NEEDED,
  }, 'Permissions of the application in the task');
}

/** Attach a managed policy to whatever identity a grantee stands for. */
export function attachToGrantee(policy: iam.ManagedPolicy, grantee: iam.IGrantable, path: string): void {
  // Duck typing on the public IRole/IUser/IGroup members: imported identities are not class instances.
  const p = grantee.grantPrincipal as unknown as Record<string, unknown>;
  const is = (nameKey: string) => typeof p[nameKey] === 'string' && typeof p.addManagedPolicy === 'function';
  if (is('roleName')) {
    policy.attachToRole(p as unknown as iam.IRole);
  } else if (is('userName')) {
    policy.attachToUser(p as unknown as iam.IUser);
  } else if (is('groupName')) {
    policy.attachToGroup(p as unknown as iam.IGroup);
  } else {
    fail({
      code: 'KIT-TASK-GRANTEE',
      problem: `grantRunTask cannot attach a managed policy to principal ${p.constructor?.name ?? typeof p}`,
      path,
      allowed: 'an IAM role, user or group (or a construct whose grantPrincipal is one)',
      fix: 'Pass the role that runs the task, e.g. a Step Functions or EventBridge role.',
    });
  }
}
