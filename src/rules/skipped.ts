/**
 * Constraints from ecs-constraints.md that no rule of their own checks, with
 * the reason: not decidable from a template, not (or no longer) an ECS
 * constraint, or checked under another rule's id. docs/rules.md lists them.
 */
export interface SkippedConstraint {
  readonly id: string;
  readonly reason: string;
  /** The rule that reports this constraint under its own id, when one does. */
  readonly coveredBy?: string;
}

export const SKIPPED_CONSTRAINTS: readonly SkippedConstraint[] = [
  { id: 'TD-13', reason: 'Not an ECS constraint: RegisterTaskDefinition accepts runtimePlatform for EC2 task definitions (the ECS console sets it for Windows EC2 tasks); aws-cdk-lib\'s CannotSpecifyRuntimePlatform is its own policy. Checking it would flag templates that deploy.' },
  { id: 'CT-10', reason: 'Not an ECS constraint: aws-cdk-lib-only rule (ShouldBeHealthCheckInterval); ECS accepts a timeout longer than the interval and nothing fails at deploy.' },
  { id: 'PM-03', reason: 'Host mode: HostPort omitted or equal to ContainerPort.', coveredBy: 'ECS-PM-01' },
  { id: 'SV-11', reason: 'Not decidable from a template: whether the task definition revision a CODE_DEPLOY service names is the latest of its family is account state, known only at deploy time.' },
  { id: 'SV-22', reason: 'No longer a constraint: the current API applies healthCheckGracePeriodSeconds to load balancer, VPC Lattice and container health checks alike.' },
  { id: 'EX-01', reason: 'Not decidable from a template, and not a deploy error: the task role can get ssmmessages permissions from managed policies, other stacks or permission boundaries, and a missing permission only makes `aws ecs execute-command` fail at run time.' },
  { id: 'CP-08', reason: 'Not a constraint: managed draining and taskDrainTime are defaults aws-cdk-lib sets; any value deploys.' },
  { id: 'ER-11', reason: 'Not decidable from one synthesized template: a create-only change needs the previously deployed template to compare with; the replacement guard ECS-RP-01 warns about it when `cdk-ecs-kit check --baseline` is given the deployed assembly.' },
  { id: 'ER-12', reason: 'Not a deploy error: CloudFormation accepts EmptyOnDelete with any DeletionPolicy; aws-cdk-lib ties it to RemovalPolicy.DESTROY as its own policy.' },
  { id: 'ER-16', reason: 'Not decidable from a template: account-level, adjustable quotas (repositories per Region, images per repository) depend on what the account already holds.' },
];
