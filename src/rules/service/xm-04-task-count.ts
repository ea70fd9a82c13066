import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toNumber } from '../values';
import { EXPRESS_SERVICE, scalingTarget } from './express-facts';

export const XM04_TASK_COUNT: ResourceRule = {
  id: 'ECS-XM-04',
  title: 'Express scaling task counts are whole numbers, min 0 or more, max 1 or more, min not above max',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Checks ScalingTarget.MinTaskCount and MaxTaskCount: whole numbers, MinTaskCount >= 0, MaxTaskCount >= 1 and MinTaskCount <= MaxTaskCount (Application Auto Scaling rejects a minimum above the maximum).',
  deployError: 'CreateExpressGatewayService fails when ECS registers the scalable target: "Minimum capacity cannot be greater than maximum capacity".',
  fix: 'Set minTasks <= maxTasks, with maxTasks 1 or more.',
  source: 'https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html',
  resourceTypes: [EXPRESS_SERVICE],
  check(service): RuleIssue[] {
    const target = scalingTarget(service);
    if (!target) return [];
    const issues: RuleIssue[] = [];
    const min = toNumber(target.MinTaskCount);
    const max = toNumber(target.MaxTaskCount);
    const p = 'Properties/ScalingTarget';
    if (min !== undefined && (!Number.isInteger(min) || min < 0)) {
      issues.push({ property: `${p}/MinTaskCount`, value: target.MinTaskCount, problem: `MinTaskCount ${min} is not a whole number of 0 or more`, allowed: 'a whole number >= 0', fix: 'Use a whole number of tasks.' });
    }
    if (max !== undefined && (!Number.isInteger(max) || max < 1)) {
      issues.push({ property: `${p}/MaxTaskCount`, value: target.MaxTaskCount, problem: `MaxTaskCount ${max} is not a whole number of 1 or more`, allowed: 'a whole number >= 1', fix: 'Use a whole number of tasks, 1 or more.' });
    }
    if (issues.length === 0 && min !== undefined && max !== undefined && min > max) {
      issues.push({ property: `${p}/MinTaskCount`, value: target.MinTaskCount, problem: `MinTaskCount ${min} is above MaxTaskCount ${max}`, allowed: `0-${max}`, fix: 'Lower MinTaskCount or raise MaxTaskCount.' });
    }
    return issues;
  },
};
