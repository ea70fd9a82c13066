/**
 * Acknowledgements of the AwsSolutions-IAM5 findings on the ECS Exec grants aws-cdk-lib adds to a task role:
 * the ssmmessages channel actions and logs:DescribeLogGroups take no resource ("*"), and session log streams
 * go below the cluster's exec log group (`<group arn>:*`).
 */
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { acknowledgeRenderedWildcards, acknowledgeStarOnlyFor, actionsOf } from '../../internal/nag-acknowledgements';

const WILDCARD_REASON = 'ECS Exec needs ssmmessages:CreateControlChannel/CreateDataChannel/OpenControlChannel/OpenDataChannel and '
  + 'logs:DescribeLogGroups, which support no resource-level permissions (Service Authorization Reference); aws-cdk-lib adds them for enableExecuteCommand.';
/** What aws-cdk-lib grants on Resource "*" for enableExecuteCommand; another statement on "*" keeps its finding. */
const EXEC_STAR_ACTIONS = ['ssmmessages:CreateControlChannel', 'ssmmessages:CreateDataChannel', 'ssmmessages:OpenControlChannel',
  'ssmmessages:OpenDataChannel', 'logs:DescribeLogGroups'];
const STREAMS_REASON = 'ECS Exec writes one log stream per session below the cluster\'s exec log group; stream names are only known at run time.';

export function acknowledgeExecGrants(policy: iam.ManagedPolicy, logGroup: logs.ILogGroup | undefined): void {
  acknowledgeStarOnlyFor(policy, EXEC_STAR_ACTIONS, { id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]', reason: WILDCARD_REASON });
  if (!logGroup) return;
  // Named from the rendered policy: across stacks the ARN holds an import (or a weak stack output) whose name
  // aws-cdk-lib picks while rendering; in the same stack it is the group's Ref.
  acknowledgeRenderedWildcards(policy, (statement, resource) =>
    (actionsOf(statement).includes('logs:PutLogEvents') && /:log-group:.*:\*$/.test(resource) ? STREAMS_REASON : undefined));
}
