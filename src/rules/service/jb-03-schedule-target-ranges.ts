import { ResourceRule, RuleIssue, Severity } from '../rule';
import { isUnresolved, toNumber, toObject, toStr } from '../values';
import { ecsTargets, SCHEDULE } from './schedule-facts';

interface Range {
  readonly name: string;
  readonly value: unknown;
  readonly property: string;
  readonly min: number;
  readonly max?: number;
  readonly fix: string;
}

export const JB03_SCHEDULE_TARGET_RANGES: ResourceRule = {
  id: 'ECS-JB-03',
  title: 'Task count, retries, event age and flexible time window of a scheduled ECS task must be in range',
  area: 'service',
  severity: Severity.ERROR,
  description: 'For the ECS target of an AWS::Scheduler::Schedule: EcsParameters.TaskCount 1-10, RetryPolicy.MaximumRetryAttempts 0-185 and RetryPolicy.MaximumEventAgeInSeconds 60-86,400, and a FlexibleTimeWindow of Mode FLEXIBLE needs MaximumWindowInMinutes 1-1,440 (API_FlexibleTimeWindow). For each ECS target of an AWS::Events::Rule: EcsParameters.TaskCount 1 or more, and the same retry ranges. Unresolved values are skipped.',
  deployError: 'CreateSchedule or PutTargets fails and the stack rolls back: "ValidationException: ... failed to satisfy constraint: Member must have value less than or equal to 10" (or greater than or equal to the minimum).',
  fix: 'Keep TaskCount 1-10 (start more tasks from more schedules), MaximumRetryAttempts 0-185 and MaximumEventAgeInSeconds 60-86400.',
  source: 'https://docs.aws.amazon.com/scheduler/latest/APIReference/API_EcsParameters.html',
  builtInOverlap: ['F3034'],
  resourceTypes: [SCHEDULE, 'AWS::Events::Rule'],
  check(resource): RuleIssue[] {
    const issues: RuleIssue[] = [];
    const scheduler = resource.type === SCHEDULE;
    const targets = ecsTargets(resource);
    if (scheduler && targets.length > 0) issues.push(...flexibleWindow(resource.properties.FlexibleTimeWindow));
    for (const { path, target, ecs } of targets) {
      const retry = toObject(target.RetryPolicy);
      const ranges: Range[] = [
        {
          name: 'TaskCount',
          value: ecs.TaskCount,
          property: `${path}/EcsParameters/TaskCount`,
          min: 1,
          max: scheduler ? 10 : undefined,
          fix: scheduler ? 'Use a TaskCount of 1-10; start more tasks per run from more schedules.' : 'Use a TaskCount of 1 or more.',
        },
        { name: 'MaximumRetryAttempts', value: retry?.MaximumRetryAttempts, property: `${path}/RetryPolicy/MaximumRetryAttempts`, min: 0, max: 185, fix: 'Use 0-185 retries.' },
        { name: 'MaximumEventAgeInSeconds', value: retry?.MaximumEventAgeInSeconds, property: `${path}/RetryPolicy/MaximumEventAgeInSeconds`, min: 60, max: 86_400, fix: 'Use 60-86400 seconds (1 minute to 24 hours).' },
      ];
      for (const r of ranges) {
        if (r.value === undefined || isUnresolved(r.value)) continue;
        const n = toNumber(r.value);
        if (n !== undefined && Number.isInteger(n) && n >= r.min && (r.max === undefined || n <= r.max)) continue;
        const allowed = r.max === undefined ? `a whole number of ${r.min} or more` : `whole numbers ${r.min}-${r.max.toLocaleString('en-US')}`;
        issues.push({ property: r.property, value: r.value, problem: `${r.name} ${String(r.value)} is out of range`, allowed, fix: r.fix });
      }
    }
    return issues;
  },
};

/** Mode FLEXIBLE needs MaximumWindowInMinutes of 1-1440 ("If you do set the value to FLEXIBLE, you must then specify a maximum window"). */
function flexibleWindow(raw: unknown): RuleIssue[] {
  const window = toObject(raw);
  if (!window || toStr(window.Mode) !== 'FLEXIBLE' || isUnresolved(window.MaximumWindowInMinutes)) return [];
  const minutes = window.MaximumWindowInMinutes;
  const n = toNumber(minutes);
  if (minutes !== undefined && n !== undefined && Number.isInteger(n) && n >= 1 && n <= 1440) return [];
  return [{
    property: 'Properties/FlexibleTimeWindow/MaximumWindowInMinutes',
    value: minutes,
    problem: minutes === undefined ? 'FlexibleTimeWindow Mode FLEXIBLE has no MaximumWindowInMinutes' : `MaximumWindowInMinutes ${String(minutes)} is out of range`,
    allowed: 'with Mode FLEXIBLE, whole minutes 1-1,440 (24 hours)',
    fix: 'Set MaximumWindowInMinutes to 1-1440 (the kit\'s ScheduledJob: flexibleTimeWindow: Duration.minutes(15)), or Mode OFF.',
  }];
}
