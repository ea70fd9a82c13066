import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toNumber, toStr } from '../values';
import { EXPRESS_SERVICE, scalingTarget } from './express-facts';

/** ExpressGatewayServiceScalingMetric in the ECS API model. */
export const EXPRESS_SCALING_METRICS: readonly string[] = ['AVERAGE_CPU', 'AVERAGE_MEMORY', 'REQUEST_COUNT_PER_TARGET'];

export const XM05_SCALING_METRIC: ResourceRule = {
  id: 'ECS-XM-05',
  title: 'Express scaling metric is one of the API values; the target value a whole number of 1 or more',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Checks ScalingTarget.AutoScalingMetric against the API enum, and AutoScalingTargetValue (an Integer in the API; Application Auto Scaling needs a target above 0) is a whole number of 1 or more.',
  deployError: 'CreateExpressGatewayService fails: invalid autoScalingMetric / autoScalingTargetValue.',
  fix: 'Use one of the three metrics and a whole-number target of 1 or more (a percentage for CPU and memory).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ExpressGatewayScalingTarget.html',
  resourceTypes: [EXPRESS_SERVICE],
  check(service): RuleIssue[] {
    const target = scalingTarget(service);
    if (!target) return [];
    const issues: RuleIssue[] = [];
    const metric = toStr(target.AutoScalingMetric);
    if (metric !== undefined && !EXPRESS_SCALING_METRICS.includes(metric)) {
      issues.push({ property: 'Properties/ScalingTarget/AutoScalingMetric', value: metric, problem: `AutoScalingMetric ${JSON.stringify(metric)} is not an Express scaling metric`, allowed: EXPRESS_SCALING_METRICS.join(', '), fix: 'Use ExpressScalingMetric.AVERAGE_CPU, AVERAGE_MEMORY or REQUEST_COUNT_PER_TARGET.' });
    }
    const value = toNumber(target.AutoScalingTargetValue);
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
      issues.push({
        property: 'Properties/ScalingTarget/AutoScalingTargetValue',
        value: target.AutoScalingTargetValue,
        problem: `AutoScalingTargetValue ${value} is not a whole number of 1 or more`,
        allowed: 'a whole number >= 1 (percent for AVERAGE_CPU/AVERAGE_MEMORY, requests for REQUEST_COUNT_PER_TARGET)',
        fix: 'Use a whole-number target value in range.',
      });
    }
    return issues;
  },
};
