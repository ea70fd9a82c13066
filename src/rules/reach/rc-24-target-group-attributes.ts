import { TARGET_GROUP } from './load-balancing-index';
import { ResourceRule, RuleIssue, Severity } from '../rule';
import { describeRange, inRange, IntRange } from '../tables/capacity-limits';
import { isUnresolved, toArray, toObject, toStr } from '../values';

/** Numeric target group attributes and their ranges (ELB API TargetGroupAttribute); `off` is a value outside the range that disables it. */
const RANGES: Record<string, { range: IntRange; off?: number; what: string }> = {
  'deregistration_delay.timeout_seconds': { range: { min: 0, max: 3600 }, what: 'deregistration delay' },
  'slow_start.duration_seconds': { range: { min: 30, max: 900 }, off: 0, what: 'slow start' },
  'stickiness.lb_cookie.duration_seconds': { range: { min: 1, max: 604800 }, what: 'load balancer cookie stickiness' },
  'stickiness.app_cookie.duration_seconds': { range: { min: 1, max: 604800 }, what: 'application cookie stickiness' },
};

export const RC24_TARGET_GROUP_ATTRIBUTES: ResourceRule = {
  id: 'ECS-RC-24',
  title: 'Target group attributes are within Elastic Load Balancing\'s ranges',
  area: 'reach',
  severity: Severity.ERROR,
  description: 'Checks the numeric TargetGroupAttributes a service\'s target group sets, which are strings the CloudFormation schema cannot '
    + 'check: deregistration_delay.timeout_seconds 0-3600, slow_start.duration_seconds 30-900 (or 0 for off), and '
    + 'stickiness.lb_cookie.duration_seconds and stickiness.app_cookie.duration_seconds 1-604800 (one week). Unresolved values are skipped.',
  deployError: 'CloudFormation fails to create or update the target group (ValidationError from ModifyTargetGroupAttributes: the attribute value '
    + 'is out of range) and rolls the stack back.',
  fix: 'Set the attribute within its range, where it is set: targetGroup.setAttribute(key, value), or the target group props that write it '
    + '(aws-cdk-lib: deregistrationDelay up to Duration.hours(1), slowStart 30 s to 15 minutes or 0, stickinessCookieDuration up to 7 days; '
    + 'the kit services: deregistrationDelay).',
  source: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_TargetGroupAttribute.html',
  resourceTypes: [TARGET_GROUP],
  onlyWith: ['TargetGroupAttributes'],
  check(tg): RuleIssue[] {
    const list = toArray(tg.properties.TargetGroupAttributes) ?? [];
    const issues: RuleIssue[] = [];
    list.forEach((raw, index) => {
      const attribute = toObject(raw);
      const key = toStr(attribute?.Key);
      const limit = key === undefined ? undefined : RANGES[key];
      if (!limit || attribute?.Value === undefined || isUnresolved(attribute.Value)) return;
      const text = String(attribute.Value);
      const value = Number(text);
      if (text.trim() !== '' && (value === limit.off || inRange(value, limit.range))) return;
      const allowed = `${describeRange(limit.range)} seconds${limit.off !== undefined ? ` (or ${limit.off} for off)` : ''}`;
      const nearest = Number.isFinite(value) ? Math.min(limit.range.max, Math.max(limit.range.min, Math.round(value))) : limit.range.min;
      issues.push({
        property: `Properties/TargetGroupAttributes/${index}/Value`,
        value: text,
        problem: `${limit.what} ${key} is ${JSON.stringify(text)}, outside Elastic Load Balancing's range`,
        allowed,
        fix: `Set ${key} to ${nearest}${limit.off !== undefined ? ` (or ${limit.off} to turn it off)` : ''}.`,
      });
    });
    return issues;
  },
};
