import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toStr } from '../values';
import { rateUnitProblem, scheduleExpressionProblem } from './schedule-expression';
import { ecsTargets, EVENTS_RULE, SCHEDULE } from './schedule-facts';

export const JB01_SCHEDULE_EXPRESSION: ResourceRule = {
  id: 'ECS-JB-01',
  title: 'A schedule that runs ECS tasks must have a valid rate, cron or at expression and time zone',
  area: 'service',
  severity: Severity.ERROR,
  description: 'For an AWS::Scheduler::Schedule or AWS::Events::Rule with an ECS target (EcsParameters), checks a literal ScheduleExpression: rate(value unit) with a whole number of 1 or more and a unit minute(s), hour(s) or day(s) (on a rule the unit must be singular for 1 and plural otherwise); cron with exactly six fields (minutes 0-59, hours 0-23, day-of-month 1-31, month 1-12 or JAN-DEC, day-of-week 1-7 or SUN-SAT, year 1970-2199; an increment no larger than the largest value of its field, so */60 minutes is invalid) and exactly one of the two day fields ?; at(yyyy-mm-ddThh:mm:ss) on Scheduler only. Unix cron habits (five fields, * in both day fields) are the usual cause. L, W and # are checked in the fields AWS allows them (day-of-month L, LW, L-n, nW; day-of-week L, nL, n#k alone); unresolved expressions are skipped. On a Scheduler schedule, a literal ScheduleExpressionTimezone must be a time zone name of the IANA Time Zone Database (such as America/New_York or UTC); fixed offsets such as +05:30 are left alone.',
  deployError: 'CreateSchedule or PutRule fails and the stack rolls back: "ValidationException: Invalid Schedule Expression" (Scheduler) or "Parameter ScheduleExpression is not valid" (EventBridge rule); CreateSchedule also fails with a ValidationException for a time zone Scheduler does not know.',
  fix: 'Use scheduler.ScheduleExpression.cron({...}) / .rate(Duration...) (or events.Schedule.cron / .rate), which write valid expressions; for a literal cron give six fields with ? in one day field; name the time zone as in the IANA database (TimeZone.AMERICA_NEW_YORK, "Europe/Berlin").',
  source: 'https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html',
  resourceTypes: [SCHEDULE, EVENTS_RULE],
  onlyWith: ['ScheduleExpression', 'ScheduleExpressionTimezone'],
  check(resource, ctx): RuleIssue[] {
    if (ecsTargets(resource).length === 0) return [];
    const issues: RuleIssue[] = [];
    const value = resource.properties.ScheduleExpression;
    const expression = ctx.assembly.resolveString(value, resource.stack);
    const kind = resource.type === SCHEDULE ? 'scheduler' : 'rule';
    if (expression !== undefined) {
      // Scheduler's reference lists both unit forms; EventBridge rules document the agreement (ECS-JB-02 warns on Scheduler).
      const problem = scheduleExpressionProblem(expression, kind) ?? (kind === 'rule' ? rateUnitProblem(expression, kind) : undefined);
      // aws-cdk-lib's built-in validator checks a rule's expression (E3027), not a Scheduler schedule's.
      if (problem) issues.push({ property: 'Properties/ScheduleExpression', value, ...problem, ...kind === 'rule' ? { builtInOverlap: 'E3027' } : {} });
    }
    if (kind === 'scheduler') {
      const tz = resource.properties.ScheduleExpressionTimezone;
      const zone = toStr(tz);
      if (zone !== undefined && !knownTimeZone(zone)) {
        issues.push({
          property: 'Properties/ScheduleExpressionTimezone',
          value: tz,
          problem: `ScheduleExpressionTimezone ${JSON.stringify(zone)} is not a time zone of the IANA Time Zone Database`,
          allowed: 'an IANA time zone name such as America/New_York, Europe/Berlin or UTC',
          fix: 'Name the time zone as in the IANA database (scheduler.TimeZone has them all), or leave ScheduleExpressionTimezone out for UTC.',
        });
      }
    }
    return issues;
  },
};

/** A fixed UTC offset (Z, +05:30, UTC+1, GMT-08:00): not an IANA name, but Scheduler's handling of it is not documented. */
const OFFSET = /^(?:Z|(?:UTC|GMT|UT)?[+-]\d{1,2}(?::?\d{2}){0,2})$/i;

/**
 * Whether the time zone is known to Node's ICU time zone data, which holds the IANA names and their
 * aliases (US/Eastern, UTC). Offsets are taken as known: they are not judged.
 */
function knownTimeZone(zone: string): boolean {
  if (OFFSET.test(zone)) return true;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone !== undefined;
  } catch {
    return false;
  }
}
