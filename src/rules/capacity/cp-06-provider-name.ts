import { ResourceRule, RuleIssue, Severity } from '../rule';
import { CAPACITY_PROVIDER_NAME, describeName, nameProblem } from '../tables/capacity-limits';
import { toStr } from '../values';
import { CAPACITY_PROVIDER } from './managed-scaling';
import type { StackModel } from '../model';

/** The reserved prefix `name` starts with, in any letter case, as written in `name`. */
export function reservedPrefixOf(name: string): string | undefined {
  const prefix = CAPACITY_PROVIDER_NAME.reservedPrefixes.find((p) => name.toLowerCase().startsWith(p));
  return prefix === undefined ? undefined : name.slice(0, prefix.length);
}

/** CloudFormation stack names: a letter, then letters, digits and hyphens. */
const STACK_NAME = /^[A-Za-z][A-Za-z0-9-]*$/;

/**
 * The CloudFormation name of the stack, when known: its stackName (from the CDK app or the cloud
 * assembly; a loose template's file name says nothing of the name it is deployed under). A nested
 * stack's name starts with its root stack's name, so that one counts.
 */
function cfnStackName(stack: StackModel): string | undefined {
  let root = stack;
  for (let depth = 0; root.nestedIn && depth < 20; depth++) {
    const parent = root.assembly.stacks.find((s) => s.name === root.nestedIn!.parent);
    if (!parent) return undefined;
    root = parent;
  }
  const name = root.stackName;
  return name !== undefined && STACK_NAME.test(name) ? name : undefined;
}

export const CP06_PROVIDER_NAME: ResourceRule = {
  id: 'ECS-CP-06',
  title: 'Capacity provider name: 1-255 [a-zA-Z0-9_-], not starting with aws, ecs or fargate',
  area: 'capacity',
  severity: Severity.ERROR,
  description: 'Checks a literal Name of AWS::ECS::CapacityProvider: up to 255 letters, digits, hyphens and underscores, and no aws/ecs/fargate prefix in any letter case (AWS rejects "EcsCp-..." too; aws-cdk-lib checks only the lowercase prefix). '
    + 'Without a Name, CloudFormation derives one from the stack name, so a stack named "EcsPlatform" or "AwsShop" fails too (aws-cdk-lib names the provider "cp-..." only for lowercase prefixes).',
  deployError: 'CreateCapacityProvider fails: "The specified capacity provider name is invalid ... The name cannot be prefixed with "aws", "ecs", or "fargate"."',
  fix: 'Rename the capacity provider, for example with a "cp-" prefix, or set a name when the stack name starts with aws, ecs or fargate.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCapacityProvider.html',
  resourceTypes: [CAPACITY_PROVIDER],
  check(provider, context): RuleIssue[] {
    if (provider.properties.Name === undefined) return unnamed(context.stack);
    const name = toStr(provider.properties.Name);
    if (name === undefined) return [];
    // One check for this rule and Ec2Capacity's construction-time check.
    const problem = nameProblem(name, CAPACITY_PROVIDER_NAME);
    if (!problem) return [];
    const suggestion = `cp-${name.replace(/[^a-zA-Z0-9_-]+/g, '-')}`.slice(0, CAPACITY_PROVIDER_NAME.maxLength);
    return [{
      property: 'Properties/Name',
      value: provider.properties.Name,
      problem: `capacity provider Name ${JSON.stringify(name)} ${problem}`,
      allowed: `${describeName(CAPACITY_PROVIDER_NAME)} (any case)`,
      fix: `Rename it, for example to ${JSON.stringify(suggestion)}.`,
    }];
  },
};

/** No Name: CloudFormation names the provider `<stack name>-<logical id>-<random>`. */
function unnamed(stack: StackModel): RuleIssue[] {
  const stackName = cfnStackName(stack);
  const prefix = stackName === undefined ? undefined : reservedPrefixOf(stackName);
  if (stackName === undefined || prefix === undefined) return [];
  return [{
    property: 'Properties/Name',
    value: undefined,
    problem: `capacity provider has no Name, so CloudFormation derives one from stack name ${JSON.stringify(stackName)}, which starts with the reserved prefix ${JSON.stringify(prefix)}`,
    allowed: `a Name of ${describeName(CAPACITY_PROVIDER_NAME)} (any case), or no Name in a stack whose name does not start with them`,
    fix: `Set capacityProviderName (CfnCapacityProvider Name), for example to "cp-${stackName.slice(prefix.length).replace(/^[-_]+/, '') || 'workers'}", or rename the stack.`,
  }];
}
