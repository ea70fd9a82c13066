import { ResourceRule, RuleIssue, Severity } from '../rule';
import { SCALING_STEP_SIZE } from '../tables/capacity-limits';
import { toNumber } from '../values';
import { CAPACITY_PROVIDER, MANAGED_SCALING, managedScaling } from './managed-scaling';

// One table for this rule and Ec2Capacity's construction-time check.
const { min: MIN_STEP, max: MAX_STEP } = SCALING_STEP_SIZE;

export const CP02_SCALING_STEP_SIZE: ResourceRule = {
  id: 'ECS-CP-02',
  title: 'Managed scaling step sizes must be 1-10000 with minimum <= maximum',
  area: 'capacity',
  severity: Severity.ERROR,
  description: 'Checks MinimumScalingStepSize and MaximumScalingStepSize of ManagedScaling (1-10,000 each; defaults 1 and 10,000) and that the minimum does not exceed the maximum.',
  deployError: 'CreateCapacityProvider / UpdateCapacityProvider fail: invalid scaling step size.',
  fix: 'Use step sizes between 1 and 10000 with minimumScalingStepSize <= maximumScalingStepSize.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ManagedScaling.html',
  resourceTypes: [CAPACITY_PROVIDER],
  check(provider): RuleIssue[] {
    const ms = managedScaling(provider);
    if (!ms) return [];
    const issues: RuleIssue[] = [];
    const read = (key: string, fallback: number): { value?: number; set: boolean } => ({
      value: ms[key] === undefined ? fallback : toNumber(ms[key]),
      set: ms[key] !== undefined,
    });
    const min = read('MinimumScalingStepSize', MIN_STEP);
    const max = read('MaximumScalingStepSize', MAX_STEP);
    for (const [key, v] of [['MinimumScalingStepSize', min], ['MaximumScalingStepSize', max]] as const) {
      if (!v.set || v.value === undefined) continue;
      if (v.value >= MIN_STEP && v.value <= MAX_STEP && Number.isInteger(v.value)) continue;
      issues.push({
        property: `${MANAGED_SCALING}/${key}`,
        value: ms[key],
        problem: `ManagedScaling ${key} ${v.value} is outside the allowed range`,
        allowed: `a whole number from ${MIN_STEP} to ${MAX_STEP}`,
        fix: `Set ${key} between ${MIN_STEP} and ${MAX_STEP}.`,
      });
    }
    if (issues.length === 0 && min.value !== undefined && max.value !== undefined && min.value > max.value) {
      issues.push({
        property: `${MANAGED_SCALING}/MinimumScalingStepSize`,
        value: ms.MinimumScalingStepSize,
        problem: `ManagedScaling MinimumScalingStepSize ${min.value} is greater than MaximumScalingStepSize ${max.value}${max.set ? '' : ' (default)'}`,
        allowed: 'MinimumScalingStepSize <= MaximumScalingStepSize',
        fix: `Lower MinimumScalingStepSize to ${max.value} or raise MaximumScalingStepSize to ${min.value}.`,
      });
    }
    return issues;
  },
};
