import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toArray, toStr } from '../values';
import { latticeConfigurations } from './lattice-facts';
import { SERVICE } from './service-facts';

/** Target groups per service (Amazon ECS developer guide, VPC Lattice). */
const MAX_TARGET_GROUPS = 5;

export const LT03_LATTICE_TARGET_GROUPS: ResourceRule = {
  id: 'ECS-LT-03',
  title: 'A service has at most 5 VPC Lattice target groups, each once',
  area: 'service',
  severity: Severity.ERROR,
  description: 'A service registers with 1-5 VPC Lattice target groups; the same target group cannot appear twice in VpcLatticeConfigurations.',
  deployError: 'CreateService fails: too many VPC Lattice target groups / duplicate target group.',
  fix: 'Use at most 5 distinct target groups.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-vpc-lattice-create-service.html',
  resourceTypes: [SERVICE],
  onlyWith: ['VpcLatticeConfigurations'],
  check(service): RuleIssue[] {
    const list = toArray(service.properties.VpcLatticeConfigurations);
    if (!list) return [];
    const issues: RuleIssue[] = [];
    if (list.length > MAX_TARGET_GROUPS) {
      issues.push({ property: 'Properties/VpcLatticeConfigurations', value: list.length, problem: `service has ${list.length} VPC Lattice configurations`, allowed: `1-${MAX_TARGET_GROUPS}`, fix: 'Route through fewer target groups.' });
    }
    const seen = new Set<string>();
    for (const { pointer, def } of latticeConfigurations(service)) {
      const arn = toStr(def.TargetGroupArn);
      if (arn === undefined) continue;
      if (seen.has(arn)) {
        issues.push({ property: `${pointer}/TargetGroupArn`, value: arn, problem: `VPC Lattice target group ${arn} is listed twice`, allowed: 'each target group once', fix: 'Remove the duplicate entry.' });
      }
      seen.add(arn);
    }
    return issues;
  },
};
