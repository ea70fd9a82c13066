import { ResourceRule, RuleIssue, Severity } from '../rule';
import { CAPACITY_PROVIDER } from '../service/service-facts';
import { toNumber, toObject } from '../values';

const RANGE = { min: 0, max: 10000 };

export const CP03_INSTANCE_WARMUP: ResourceRule = {
  id: 'ECS-CP-03',
  title: 'Managed scaling instance warm-up period must be 0-10000 seconds',
  area: 'capacity',
  severity: Severity.ERROR,
  description: 'Checks AutoScalingGroupProvider.ManagedScaling.InstanceWarmupPeriod of capacity providers.',
  deployError: 'CreateCapacityProvider fails: instanceWarmupPeriod must be between 0 and 10000.',
  fix: 'Use an instance warm-up period of 0 to 10000 seconds (default 300).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ManagedScaling.html',
  resourceTypes: [CAPACITY_PROVIDER],
  check(provider): RuleIssue[] {
    const scaling = toObject(toObject(provider.properties.AutoScalingGroupProvider)?.ManagedScaling);
    const value = toNumber(scaling?.InstanceWarmupPeriod);
    if (value === undefined || (Number.isInteger(value) && value >= RANGE.min && value <= RANGE.max)) return [];
    return [{ property: 'Properties/AutoScalingGroupProvider/ManagedScaling/InstanceWarmupPeriod', value: scaling!.InstanceWarmupPeriod, problem: `InstanceWarmupPeriod ${value} is out of range`, allowed: `whole seconds from ${RANGE.min} to ${RANGE.max}`, fix: `Set InstanceWarmupPeriod to ${value < 0 ? 0 : RANGE.max} or a value in between.` }];
  },
};
