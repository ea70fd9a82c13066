/** ECS-JB-01: a Scheduler schedule's literal ScheduleExpressionTimezone must be an IANA time zone. */
import { JB01_SCHEDULE_EXPRESSION as rule } from '../../../src/rules/service/jb-01-schedule-expression';
import { check, Resources } from '../helpers';

const ECS = { TaskDefinitionArn: { Ref: 'Task' }, TaskCount: 1 };

function schedule(timezone: unknown, props: Record<string, unknown> = {}): Resources {
  return {
    Job: {
      Type: 'AWS::Scheduler::Schedule',
      Properties: {
        ScheduleExpression: 'cron(30 8 * * ? *)',
        ScheduleExpressionTimezone: timezone,
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: { Arn: 'arn:aws:ecs:eu-west-1:123456789012:cluster/c', RoleArn: 'r', EcsParameters: ECS },
        ...props,
      },
    },
  };
}

describe('ECS-JB-01 schedule time zone', () => {
  test('bad: Mars/Base', () => {
    const [f, ...rest] = check(rule, schedule('Mars/Base'));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ruleId: 'ECS-JB-01', severity: 'error', property: 'Properties/ScheduleExpressionTimezone', value: '"Mars/Base"' });
    expect(f.message).toBe('[ECS-JB-01] ScheduleExpressionTimezone "Mars/Base" is not a time zone of the IANA Time Zone Database at TestStack/Job; '
      + 'allowed: an IANA time zone name such as America/New_York, Europe/Berlin or UTC. '
      + 'Name the time zone as in the IANA database (scheduler.TimeZone has them all), or leave ScheduleExpressionTimezone out for UTC.');
  });

  test('bad: other unknown names, reported with a bad expression too', () => {
    for (const tz of ['Europe/Atlantis', 'Eastern Standard Time', 'America/New York']) {
      expect(check(rule, schedule(tz)).map((f) => f.property)).toEqual(['Properties/ScheduleExpressionTimezone']);
    }
    expect(check(rule, schedule('Mars/Base', { ScheduleExpression: 'cron(0 2 * * *)' })).map((f) => f.property))
      .toEqual(['Properties/ScheduleExpression', 'Properties/ScheduleExpressionTimezone']);
  });

  test('good: IANA names and aliases', () => {
    for (const tz of ['America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Asia/Calcutta', 'US/Eastern', 'UTC', 'Etc/UTC', 'Etc/GMT+5']) {
      expect(check(rule, schedule(tz))).toEqual([]);
    }
  });

  test('skipped: unresolved zone, fixed offsets, no ECS target, no zone', () => {
    expect(check(rule, schedule({ Ref: 'Zone' }))).toEqual([]);
    expect(check(rule, schedule('${Token[TOKEN.7]}'))).toEqual([]);
    for (const tz of ['+05:30', 'UTC+01:00', 'GMT-8']) expect(check(rule, schedule(tz))).toEqual([]);
    expect(check(rule, schedule('Mars/Base', { Target: { Arn: 'arn:aws:sqs:eu-west-1:123456789012:q', RoleArn: 'r' } }))).toEqual([]);
    expect(check(rule, schedule(undefined))).toEqual([]);
  });
});
