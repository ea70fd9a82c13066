import { ResourceRule, RuleIssue, Severity } from '../rule';
import { isUnresolved, toStr } from '../values';
import { LATTICE_SOURCE, latticeConfigurations } from './lattice-facts';
import { SERVICE } from './service-facts';

const FIELDS: [string, RegExp, string][] = [
  ['RoleArn', /^arn:aws[a-z-]*:iam::\d{12}:role\/.+/, 'an IAM role ARN (the ECS infrastructure role for VPC Lattice)'],
  ['TargetGroupArn', /^arn:aws[a-z-]*:vpc-lattice:[a-z0-9-]+:\d{12}:targetgroup\/tg-[0-9a-z]+$/, 'a VPC Lattice target group ARN (arn:<partition>:vpc-lattice:<region>:<account>:targetgroup/tg-...)'],
  ['PortName', /^.+$/, 'a port mapping name'],
];

export const LT01_LATTICE_FIELDS: ResourceRule = {
  id: 'ECS-LT-01',
  title: 'VPC Lattice configuration has a role ARN, a VPC Lattice target group ARN and a port name',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Each VpcLatticeConfigurations entry needs RoleArn, TargetGroupArn and PortName (all required). Literal ARNs must be an IAM role and a VPC Lattice target group (not an Elastic Load Balancing one).',
  deployError: 'CreateService fails: roleArn, targetGroupArn and portName are required in vpcLatticeConfigurations / invalid ARN.',
  fix: 'Use the kit vpcLattice option, which renders the role, target group and port name.',
  source: LATTICE_SOURCE,
  resourceTypes: [SERVICE],
  onlyWith: ['VpcLatticeConfigurations'],
  check(service): RuleIssue[] {
    return latticeConfigurations(service).flatMap(({ pointer, def }) => FIELDS.flatMap(([key, pattern, allowed]): RuleIssue[] => {
      const raw = def[key];
      if (raw !== undefined && isUnresolved(raw)) return [];
      const v = toStr(raw);
      if (v !== undefined && pattern.test(v)) return [];
      return [{
        property: `${pointer}/${key}`,
        value: raw,
        problem: raw === undefined ? `VPC Lattice configuration has no ${key}` : `VPC Lattice ${key} ${JSON.stringify(raw)} is not valid`,
        allowed,
        fix: `Set ${key} to ${allowed}.`,
      }];
    }));
  },
};
