/** Capacity provider naming (internal). */
import { Names, Stack, Token } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { IConstruct } from 'constructs';
import { reservedPrefixOf } from '../rules/capacity/cp-06-provider-name';
import { CAPACITY_PROVIDER_NAME } from '../rules/tables/capacity-limits';

/**
 * Names an unnamed capacity provider `cp-<unique id>` when CloudFormation would derive its
 * name from a stack name that starts with aws, ecs or fargate in any letter case, which
 * CreateCapacityProvider rejects. aws-cdk-lib does this for the lowercase prefixes only;
 * the name here is the one it would give (same construct, same length), so stacks it
 * already names keep their provider.
 */
export function nameAwayFromReservedStackName(provider: ecs.CfnCapacityProvider, owner: IConstruct): void {
  if (provider.name !== undefined) return;
  const stackName = rootStackName(Stack.of(provider));
  if (stackName === undefined || reservedPrefixOf(stackName) === undefined) return;
  provider.name = 'cp-' + Names.uniqueResourceName(owner, {
    maxLength: CAPACITY_PROVIDER_NAME.maxLength - 3,
    allowedSpecialCharacters: '-_',
  });
}

/** A nested stack's CloudFormation name starts with its root stack's name. */
function rootStackName(stack: Stack): string | undefined {
  let root = stack;
  while (root.nestedStackParent) root = root.nestedStackParent;
  return Token.isUnresolved(root.stackName) ? undefined : root.stackName;
}
