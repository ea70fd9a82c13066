import { ResourceRule, RuleIssue, Severity } from '../rule';
import { isUnresolved, toObject } from '../values';
import { loadBalancerEntries } from './deployment-facts';
import { SERVICE } from './service-facts';

/** A comparable form of a target group value: a literal ARN or a Ref / GetAtt of a resource. */
function identity(value: unknown): string | undefined {
  if (typeof value === 'string') return isUnresolved(value) ? undefined : `arn:${value}`;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const obj = value as Record<string, unknown>;
  if (typeof obj.Ref === 'string') return `ref:${obj.Ref}`;
  const att = obj['Fn::GetAtt'];
  if (Array.isArray(att) && typeof att[0] === 'string') return `ref:${att[0]}`;
  return undefined;
}

/** Cheap pre-check: most services have no AdvancedConfiguration at all. */
function hasAdvancedConfiguration(raw: unknown): boolean {
  if (!Array.isArray(raw)) return false;
  for (const e of raw) {
    if (e && typeof e === 'object' && (e as Record<string, unknown>).AdvancedConfiguration !== undefined) return true;
  }
  return false;
}

export const DP05_ALTERNATE_TARGET_GROUP: ResourceRule = {
  id: 'ECS-DP-05',
  title: 'The alternate target group differs from the production target group',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Flags a LoadBalancers entry whose AdvancedConfiguration.AlternateTargetGroupArn is the entry\'s own TargetGroupArn (same ARN, or a Ref/GetAtt of the same resource): blue and green revisions need two target groups.',
  deployError: 'CreateService/UpdateService fails or the deployment cannot separate the revisions: blue/green deployments need a primary and a different alternate target group.',
  fix: 'Create a second target group with the same port, protocol and health check, and name it as AlternateTargetGroupArn.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/alb-resources-for-blue-green.html',
  resourceTypes: [SERVICE],
  onlyWith: ['LoadBalancers/*/AdvancedConfiguration'],
  check(service): RuleIssue[] {
    if (!hasAdvancedConfiguration(service.properties.LoadBalancers)) return [];
    const issues: RuleIssue[] = [];
    for (const entry of loadBalancerEntries(service) ?? []) {
      const advanced = toObject(entry.raw.AdvancedConfiguration);
      if (!advanced) continue;
      const primary = identity(entry.raw.TargetGroupArn);
      const alternate = identity(advanced.AlternateTargetGroupArn);
      if (primary === undefined || primary !== alternate) continue;
      issues.push({
        property: `${entry.pointer}/AdvancedConfiguration/AlternateTargetGroupArn`,
        value: advanced.AlternateTargetGroupArn,
        problem: `AlternateTargetGroupArn of LoadBalancers[${entry.index}] is its production TargetGroupArn`,
        allowed: 'an alternate target group other than the production one',
        fix: 'Point AlternateTargetGroupArn at a second target group.',
      });
    }
    return issues;
  },
};
