/** ECS-JB-01..03: schedules and scheduled rules that run ECS tasks. */
import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as fc from 'fast-check';
import { JB01_SCHEDULE_EXPRESSION } from '../../../src/rules/service/jb-01-schedule-expression';
import { JB02_RATE_UNIT } from '../../../src/rules/service/jb-02-rate-unit';
import { JB03_SCHEDULE_TARGET_RANGES } from '../../../src/rules/service/jb-03-schedule-target-ranges';
import { scheduleExpressionProblem, suggestCron } from '../../../src/rules/service/schedule-expression';
import { check, Resources } from '../helpers';

const ECS = { TaskDefinitionArn: { Ref: 'Task' }, TaskCount: 1 };

function schedule(expression: unknown, target: Record<string, unknown> = {}): Resources {
  return { Job: { Type: 'AWS::Scheduler::Schedule', Properties: { ScheduleExpression: expression, FlexibleTimeWindow: { Mode: 'OFF' }, Target: { Arn: 'arn:aws:ecs:eu-west-1:123456789012:cluster/c', RoleArn: 'r', EcsParameters: ECS, ...target } } } };
}

function rule(expression: unknown, targets: Record<string, unknown>[] = [{ Id: 'T', Arn: 'c', EcsParameters: ECS }]): Resources {
  return { Job: { Type: 'AWS::Events::Rule', Properties: { ScheduleExpression: expression, Targets: targets } } };
}

const messages = (r: Resources) => check(JB01_SCHEDULE_EXPRESSION, r).map((f) => f.message);

describe('ECS-JB-01 schedule expressions', () => {
  test.each([
    'rate(1 minute)', 'rate(5 minutes)', 'rate(1 hour)', 'rate(12 hours)', 'rate(1 day)', 'rate(7 days)',
    'cron(0 2 * * ? *)', 'cron(0/15 * * * ? *)', 'cron(0 18 ? * MON-FRI *)', 'cron(0 8 1 * ? *)', 'cron(15 10 ? * 6L 2019-2022)',
    'cron(0 10 ? * 2#3 *)', 'cron(0 0 L * ? *)', 'cron(0 0 15W * ? *)', 'cron(0 0 LW * ? *)', 'cron(5,35 14 * * ? *)',
    'cron(0 9 ? JAN,JUL sun *)', 'cron(30 23 31 DEC ? 2199)', 'at(2027-03-01T09:00:00)',
    'cron(0/30 20-2 ? * MON-FRI *)', 'cron(0 9 ? * 2#1 *)', 'cron(15 8 LW * ? *)', 'cron(0 0 L-2 * ? *)', 'cron(0 0 ? * MON#1 *)',
    'cron(0 0 ? * FRI-MON *)', 'cron(0 0 1,L * ? *)', 'cron(0 0 ? * 6L,2 *)', 'cron(0 0 1 JAN/3 ? 2025-2030/2)',
    'cron(*/59 * * * ? *)', 'cron(0 */23 * * ? *)', 'cron(0 0 1/31 * ? *)', 'cron(0 0 1 */12 ? *)', 'cron(0 0 1 1 ? 2025/100)',
  ])('good: %s', (expression) => {
    expect(messages(schedule(expression))).toEqual([]);
  });

  test.each([
    ['0 2 * * *', 'is not rate(value unit), cron(six fields) or at(yyyy-mm-ddThh:mm:ss)', 'Write it as EventBridge cron: cron(0 2 * * ? *).'],
    ['@daily', 'is not rate(value unit)', 'Write cron(0 0 * * ? *) (the same schedule in EventBridge\'s syntax).'],
    ['@weekly', 'is not rate(value unit)', 'Write cron(0 0 ? * 1 *)'],
    ['@every 30m', 'is not rate(value unit)', 'Write rate(30 minutes)'],
    ['@every 1h30m', 'is not rate(value unit)', 'Write rate(90 minutes)'],
    ['@every 2h', 'is not rate(value unit)', 'Write rate(2 hours)'],
    ['@reboot', 'is not rate(value unit)', 'scheduler.ScheduleExpression.rate(Duration...)'],
    // Day-of-week takes no increments (found by a Copilot user trial).
    ['cron(0 2 ? * */2 *)', '\'*/2\' is an increment, and / is not allowed in day-of-week (wildcards , - * ? L #)', ''],
    ['cron(0 2 ? * MON/2 *)', '\'MON/2\' is an increment, and / is not allowed in day-of-week', ''],
    ['cron(0 2 * * *)', 'has 5 fields', 'write cron(0 2 * * ? *).'],
    ['cron(0 9 * * 1-5)', 'has 5 fields', 'write cron(0 9 ? * 2-6 *).'],
    ['cron(0 2 * *)', 'has 4 fields', 'Write six fields'],
    ['cron(0 2 * * MON *)', 'sets both day fields: day-of-month is \'*\' and day-of-week is \'MON\'', 'Write cron(0 2 ? * MON *).'],
    ['cron(0 2 * * * *)', 'sets both day fields', 'Write cron(0 2 * * ? *).'],
    ['cron(0 2 ? * ? *)', 'both are ?', 'Write cron(0 2 * * ? *).'],
    ['cron(0 25 * * ? *)', 'has hours \'25\': 25 is outside 0-23', 'Correct the hours field'],
    ['cron(60 * * * ? *)', 'has minutes \'60\': 60 is outside 0-59', 'minutes 0-59'],
    ['cron(0 0 32 * ? *)', 'day-of-month \'32\': 32 is outside 1-31', 'day-of-month 1-31 or ?'],
    ['cron(0 0 ? 13 MON *)', 'month \'13\': 13 is outside 1-12', 'month 1-12 or JAN-DEC'],
    ['cron(0 0 ? * 8 *)', 'day-of-week \'8\': 8 is outside 1-7', 'SUN-SAT'],
    ['cron(0 0 ? * FUN *)', '\'FUN\' is not a valid day-of-week value', 'allowed: day-of-week 1-7 or SUN-SAT or ?, with , - * ? L #'],
    ['cron(0 0 ? * 2#1,6#3 *)', 'a # expression must be the only one in day-of-week', ''],
    ['cron(0 0 3#2 * ? *)', '\'3#2\' is not a value, range, list or increment of day-of-month (wildcards , - * ? / L W)', ''],
    ['cron(0 0 ? * 3W *)', '\'3W\' is not a valid day-of-week value', ''],
    ['cron(0 0 32W * ? *)', '\'32W\' is not a valid day-of-month value', ''],
    ['cron(0 0 ? * 8#1 *)', '\'8#1\' is not a value, range, list or increment of day-of-week', ''],
    ['cron(0 0 ? * 2#6 *)', '\'2#6\' is not a value, range', ''],
    ['cron(/5 * * * ? *)', '\'/5\' is not a value, range, list or increment of minutes', ''],
    ['cron(0- 0 * * ? *)', '\'0-\' is not a value, range', ''],
    ['cron(0 0 * * ? 1969)', 'year \'1969\': 1969 is outside 1970-2199', ''],
    ['cron(? 0 * * ? *)', '? is only allowed in day-of-month and day-of-week', ''],
    ['cron(*/x * * * ? *)', 'increment \'x\' is not a whole number', ''],
    ['cron(*/60 * * * ? *)', 'has minutes \'*/60\': increment 60 is more than 59, the largest minutes value', 'to run every 60 minutes, write rate(1 hour).'],
    ['cron(0 */48 * * ? *)', 'increment 48 is more than 23', 'write rate(2 days).'],
    ['cron(0 0/36 * * ? *)', 'increment 36 is more than 23, the largest hours value', 'to run every 36 hours, write rate(36 hours).'],
    ['cron(15/90 * * * ? *)', 'increment 90 is more than 59', 'Use an increment of at most 59 in minutes, or a rate() expression'],
    ['cron(0 0 1/40 * ? *)', 'increment 40 is more than 31, the largest day-of-month value', 'allowed: day-of-month 1-31 or ? and increments of 1-31'],
    ['cron(0,,5 * * * ? *)', 'an empty list item', ''],
    ['rate(5)', 'does not have a whole number of 1 or more and a unit', ''],
    ['rate(0 minutes)', 'does not have a whole number of 1 or more', ''],
    ['rate(1.5 hours)', 'does not have a whole number', ''],
    ['rate(2 weeks)', 'has unit \'weeks\'', 'Write rate(14 days).'],
    ['rate(30 seconds)', 'has unit \'seconds\'', 'Write rate(1 minute) (the shortest rate is one minute).'],
    ['rate(5 MINUTES)', 'has unit \'MINUTES\'', 'Write rate(5 minutes).'],
    ['rate(90 minutez)', 'has unit \'minutez\'', 'Write the unit as one of minute, minutes, hour, hours, day, days.'],
    ['at(2027-02-30T09:00:00)', 'is not a calendar date and time', ''],
    ['at(2027-03-01 09:00)', 'is not at(yyyy-mm-ddThh:mm:ss)', ''],
  ])('bad: %s', (expression, problem, fix) => {
    const [message] = messages(schedule(expression));
    expect(message).toContain(problem);
    expect(message).toContain(fix);
    expect(message).toContain(' at TestStack/Job; allowed: ');
  });

  test('EventBridge rules: at() is Scheduler only, and the rate unit must agree with the value', () => {
    expect(messages(rule('at(2027-03-01T09:00:00)'))[0]).toContain('is a one-time at() expression, which only EventBridge Scheduler takes');
    expect(messages(rule('rate(5 minute)'))[0]).toContain('[ECS-JB-01] rate expression \'rate(5 minute)\' has a singular unit for the value 5 at TestStack/Job');
    expect(messages(rule('rate(1 hours)'))[0]).toContain('Write rate(1 hour) (events.Schedule.rate(Duration...) writes it so).');
    expect(messages(rule('@reboot'))[0]).toContain('Use events.Schedule.rate(Duration...) or .cron({...})');
    expect(messages(rule('rate(5 minutes)'))).toEqual([]);
    expect(messages(rule('cron(0 2 * * *)'))[0]).toContain('has 5 fields');
    // On Scheduler the disagreement is ECS-JB-02's warning.
    expect(messages(schedule('rate(5 minute)'))).toEqual([]);
  });

  test('skipped: no ECS target, an unresolved expression, a rule with an event pattern only', () => {
    const lambda = schedule('cron(0 2 * * *)');
    delete (lambda.Job.Properties!.Target as Record<string, unknown>).EcsParameters;
    expect(messages(lambda)).toEqual([]);
    expect(messages(rule('cron(0 2 * * *)', [{ Id: 'T', Arn: 'fn' }]))).toEqual([]);
    expect(messages(schedule({ Ref: 'Expression' }))).toEqual([]);
    expect(messages(schedule({ 'Fn::Join': ['', ['rate(', { Ref: 'N' }, ' minutes)']] }))).toEqual([]);
    expect(messages(schedule({ 'Fn::Join': ['', ['cron(0 2 * * ', '*)']] }))[0]).toContain('has 5 fields');
  });

  // What aws-cdk-lib writes is what the services accept: none of it may be flagged.
  test('property: every expression aws-cdk-lib\'s ScheduleExpression and events.Schedule write is valid', () => {
    const cronField = (max: number, min = 0) => fc.oneof(fc.constant('*'), fc.integer({ min, max }).map(String),
      fc.tuple(fc.integer({ min, max }), fc.integer({ min, max })).map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`),
      fc.tuple(fc.integer({ min, max }), fc.integer({ min: 1, max })).map(([a, b]) => `${a}/${b}`));
    fc.assert(fc.property(
      fc.record({
        minute: cronField(59),
        hour: cronField(23),
        day: fc.option(cronField(31, 1), { nil: undefined }),
        month: cronField(12, 1),
        year: fc.option(fc.integer({ min: 1970, max: 2199 }).map(String), { nil: undefined }),
      }),
      fc.boolean(), fc.option(fc.constantFrom('MON', 'TUE-FRI', '1', '2#3', '6L'), { nil: undefined }),
      (fields, rules, weekDay) => {
        const options = { ...fields, ...(weekDay ? { weekDay, day: undefined } : {}) };
        const expression = rules ? events.Schedule.cron(options).expressionString : scheduler.ScheduleExpression.cron(options).expressionString;
        expect({ expression, problem: scheduleExpressionProblem(expression, rules ? 'rule' : 'scheduler') }).toEqual({ expression, problem: undefined });
      }));
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000 }), fc.constantFrom('minutes', 'hours', 'days'), (n, unit) => {
      const expression = scheduler.ScheduleExpression.rate(Duration[unit](n)).expressionString;
      expect(messages(rule(expression))).toEqual([]);
      expect(check(JB02_RATE_UNIT, schedule(expression))).toEqual([]);
    }));
  });

  test('suggestCron converts Unix cron only when it needs no guess', () => {
    expect(suggestCron(['0', '2', '*', '*', '*'])).toBe('cron(0 2 * * ? *)');
    expect(suggestCron(['0', '9', '*', '*', '0,6'])).toBe('cron(0 9 ? * 1,7 *)');
    expect(suggestCron(['0', '9', '*', '*', 'MON-FRI'])).toBe('cron(0 9 ? * MON-FRI *)');
    expect(suggestCron(['0', '9', '1', '*', '1'])).toBeUndefined();
    expect(suggestCron(['0', '9', '*', '*', '*/2'])).toBeUndefined();
    // Unix 5-7 is Friday to Sunday: AWS 6,7,1, not the wrapping range 6-1.
    expect(suggestCron(['0', '0', '*', '*', '5-7'])).toBe('cron(0 0 ? * 6,7,1 *)');
    expect(suggestCron(['0', '0', '*', '*', '0-6'])).toBe('cron(0 0 ? * 1-7 *)');
  });
});

describe('ECS-JB-02 Scheduler rate units', () => {
  test('bad: a singular unit for more than 1, a plural unit for 1; good: agreeing units and cron', () => {
    const findings = check(JB02_RATE_UNIT, schedule('rate(5 minute)'));
    expect(findings.map((f) => [f.severity, f.property])).toEqual([['warning', 'Properties/ScheduleExpression']]);
    expect(findings[0].message).toBe('[ECS-JB-02] rate expression \'rate(5 minute)\' has a singular unit for the value 5 at TestStack/Job; allowed: a singular unit for 1 (rate(1 hour)) and a plural unit for more (rate(5 hours)). Write rate(5 minutes) (scheduler.ScheduleExpression.rate(Duration...) writes it so).');
    expect(check(JB02_RATE_UNIT, schedule('rate(1 days)'))[0].message).toContain('Write rate(1 day)');
    for (const ok of ['rate(1 day)', 'rate(2 days)', 'cron(0 2 * * ? *)']) expect(check(JB02_RATE_UNIT, schedule(ok))).toEqual([]);
    // rate(0 minute) is ECS-JB-01's error; "write rate(0 minutes)" would be no fix.
    expect(check(JB02_RATE_UNIT, schedule('rate(0 minute)'))).toEqual([]);
  });
});

describe('ECS-JB-03 scheduled ECS target ranges', () => {
  test('bad: Scheduler TaskCount 0 and 11, retries 186, event age 59 and 86401; a rule with TaskCount 0', () => {
    const bad = check(JB03_SCHEDULE_TARGET_RANGES, schedule('rate(1 hour)', {
      EcsParameters: { ...ECS, TaskCount: 11 }, RetryPolicy: { MaximumRetryAttempts: 186, MaximumEventAgeInSeconds: 59 },
    }));
    expect(bad.map((f) => f.property)).toEqual([
      'Properties/Target/EcsParameters/TaskCount', 'Properties/Target/RetryPolicy/MaximumRetryAttempts', 'Properties/Target/RetryPolicy/MaximumEventAgeInSeconds',
    ]);
    expect(bad[0].message).toBe('[ECS-JB-03] TaskCount 11 is out of range at TestStack/Job; allowed: whole numbers 1-10. Use a TaskCount of 1-10; start more tasks per run from more schedules.');
    expect(bad[2].message).toContain('allowed: whole numbers 60-86,400');
    expect(check(JB03_SCHEDULE_TARGET_RANGES, schedule('rate(1 hour)', { EcsParameters: { ...ECS, TaskCount: 0 }, RetryPolicy: { MaximumEventAgeInSeconds: 86_401 } })).map((f) => f.property))
      .toEqual(['Properties/Target/EcsParameters/TaskCount', 'Properties/Target/RetryPolicy/MaximumEventAgeInSeconds']);
    const onRule = check(JB03_SCHEDULE_TARGET_RANGES, rule('rate(1 hour)', [{ Id: 'A', Arn: 'c', EcsParameters: { ...ECS, TaskCount: 0 } }]));
    expect(onRule.map((f) => [f.property, f.message.includes('a whole number of 1 or more. Use a TaskCount of 1 or more.')])).toEqual([['Properties/Targets/0/EcsParameters/TaskCount', true]]);
  });

  test('bad: Mode FLEXIBLE without MaximumWindowInMinutes, or above 1440; good: 1-1440, OFF, unresolved (found by a batch-jobs user trial)', () => {
    const withWindow = (window: unknown) => {
      const r = schedule('rate(1 hour)');
      (r.Job.Properties as Record<string, unknown>).FlexibleTimeWindow = window;
      return check(JB03_SCHEDULE_TARGET_RANGES, r);
    };
    const [missing] = withWindow({ Mode: 'FLEXIBLE' });
    expect(missing.message).toBe('[ECS-JB-03] FlexibleTimeWindow Mode FLEXIBLE has no MaximumWindowInMinutes at TestStack/Job; allowed: with Mode FLEXIBLE, '
      + 'whole minutes 1-1,440 (24 hours). Set MaximumWindowInMinutes to 1-1440 (the kit\'s ScheduledJob: flexibleTimeWindow: Duration.minutes(15)), or Mode OFF.');
    expect(withWindow({ Mode: 'FLEXIBLE', MaximumWindowInMinutes: 2000 }).map((f) => f.property)).toEqual(['Properties/FlexibleTimeWindow/MaximumWindowInMinutes']);
    for (const ok of [{ Mode: 'FLEXIBLE', MaximumWindowInMinutes: 15 }, { Mode: 'OFF' }, { Mode: 'FLEXIBLE', MaximumWindowInMinutes: { Ref: 'W' } }]) {
      expect(withWindow(ok)).toEqual([]);
    }
  });

  test('good: in-range values, defaults left out, unresolved values, a rule with more than 10 tasks', () => {
    expect(check(JB03_SCHEDULE_TARGET_RANGES, schedule('rate(1 hour)', { EcsParameters: { ...ECS, TaskCount: 10 }, RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86_400 } }))).toEqual([]);
    expect(check(JB03_SCHEDULE_TARGET_RANGES, schedule('rate(1 hour)', { EcsParameters: { TaskDefinitionArn: 'td' }, RetryPolicy: { MaximumRetryAttempts: { Ref: 'Retries' } } }))).toEqual([]);
    expect(check(JB03_SCHEDULE_TARGET_RANGES, rule('rate(1 hour)', [{ Id: 'A', Arn: 'c', EcsParameters: { ...ECS, TaskCount: 20 } }]))).toEqual([]);
  });
});
