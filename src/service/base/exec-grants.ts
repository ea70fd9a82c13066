/**
 * Acknowledgements of the AwsSolutions-IAM5 findings on the ECS Exec grants aws-cdk-lib adds to a task role:
 * the ssmmessages channel actions and logs:DescribeLogGroups take no resource ("*"), and session log streams
 * go below the cluster's exec log group (`<group arn>:*`).
 */
import { CfnElement, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { checkRenderedTemplate } from '../../internal/cdk-internals';

const WILDCARD_REASON = 'ECS Exec needs ssmmessages:CreateControlChannel/CreateDataChannel/OpenControlChannel/OpenDataChannel and '
  + 'logs:DescribeLogGroups, which support no resource-level permissions (Service Authorization Reference); aws-cdk-lib adds them for enableExecuteCommand.';
const STREAMS_REASON = 'ECS Exec writes one log stream per session below the cluster\'s exec log group; stream names are only known at run time.';

export function acknowledgeExecGrants(policy: iam.ManagedPolicy, logGroup: logs.ILogGroup | undefined): void {
  Validations.of(policy).acknowledge({ id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]', reason: WILDCARD_REASON });
  const group = logGroup?.node.defaultChild as CfnElement | undefined;
  if (!group) return;
  if (Stack.of(group) === Stack.of(policy)) {
    const logicalId = Stack.of(group).getLogicalId(group);
    Validations.of(policy).acknowledge({ id: `AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:<${logicalId}>:*]`, reason: STREAMS_REASON });
    return;
  }
  // Across stacks the ARN holds an import (or a weak stack output), whose name aws-cdk-lib picks while rendering:
  // read it from the rendered policy and name the finding as cdk-nag does.
  const policyId = Stack.of(policy).getLogicalId(policy.node.defaultChild as CfnElement);
  checkRenderedTemplate(Stack.of(policy), (template) => {
    const rendered = template.Resources?.[policyId] as { Properties?: { PolicyDocument?: { Statement?: unknown[] } } } | undefined;
    for (const statement of rendered?.Properties?.PolicyDocument?.Statement ?? []) {
      const s = statement as { Action?: unknown; Resource?: unknown };
      const actions = ([] as unknown[]).concat(s.Action ?? []);
      if (!actions.includes('logs:PutLogEvents')) continue;
      for (const resource of ([] as unknown[]).concat(s.Resource ?? [])) {
        const flat = nagResourceName(resource);
        if (/:log-group:.*:\*$/.test(flat)) Validations.of(policy).acknowledge({ id: `AwsSolutions::AwsSolutions-IAM5[Resource::${flat}]`, reason: STREAMS_REASON });
      }
    }
  });
}

/**
 * A resource value as cdk-nag names it in a finding id (its flattenCfnReference, not exported): Fn::Join and
 * Fn::Sub joined, `<Id.Attr>` for Fn::GetAtt, `<Id>` for Ref, the export name for Fn::ImportValue, else JSON.
 */
export function nagResourceName(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value.replace(/\$\{/g, '<').replace(/\}/g, '>');
  const v = value as Record<string, unknown>;
  if (v['Fn::Join']) {
    const [delimiter, items] = v['Fn::Join'] as [string, unknown[]];
    return items.map(nagResourceName).join(delimiter);
  }
  if (v['Fn::Sub']) return nagResourceName(v['Fn::Sub']);
  if (v['Fn::GetAtt']) {
    const [id, attribute] = v['Fn::GetAtt'] as [unknown, unknown];
    return `<${nagResourceName(id)}.${nagResourceName(attribute)}>`;
  }
  if (v['Fn::ImportValue']) return nagResourceName(v['Fn::ImportValue']);
  if (v.Ref) return `<${nagResourceName(v.Ref)}>`;
  return JSON.stringify(value);
}
