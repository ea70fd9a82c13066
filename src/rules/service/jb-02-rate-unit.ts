import { ResourceRule, RuleIssue, Severity } from '../rule';
import { rateUnitProblem } from './schedule-expression';
import { ecsTargets, SCHEDULE } from './schedule-facts';

export const JB02_RATE_UNIT: ResourceRule = {
  id: 'ECS-JB-02',
  title: 'A Scheduler rate expression\'s unit should agree with its value',
  area: 'service',
  severity: Severity.WARNING,
  description: 'For an AWS::Scheduler::Schedule with an ECS target, flags a literal rate expression with a plural unit for 1 (rate(1 hours)) or a singular unit for more (rate(5 minute)). EventBridge scheduled rules reject both (ECS-JB-01 reports them there as errors); EventBridge Scheduler\'s API reference lists both unit forms without stating the rule, so here it is a warning: the agreeing form is valid on both.',
  deployError: 'May fail CreateSchedule with "ValidationException: Invalid Schedule Expression"; the same expression on an EventBridge rule certainly fails.',
  fix: 'Write rate(1 hour) and rate(5 minutes), or use scheduler.ScheduleExpression.rate(Duration...), which writes the agreeing unit.',
  source: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html',
  resourceTypes: [SCHEDULE],
  onlyWith: ['ScheduleExpression'],
  check(resource, ctx): RuleIssue[] {
    if (ecsTargets(resource).length === 0) return [];
    const value = resource.properties.ScheduleExpression;
    const expression = ctx.assembly.resolveString(value, resource.stack);
    const problem = expression === undefined ? undefined : rateUnitProblem(expression, 'scheduler');
    return problem ? [{ property: 'Properties/ScheduleExpression', value, ...problem }] : [];
  },
};
