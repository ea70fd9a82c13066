import { App, CfnParameter, Duration, Lazy, Stack, Token } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { FargateSize, ScheduledJob } from '../../src';
import { isDeployTimeValue } from '../../src/internal/synth-values';
import { fargateTask, fixture } from '../service/helpers';

describe('deploy-time values where the kit computes at synth', () => {
  test('isDeployTimeValue: numbers, strings, lists, list items and Durations', () => {
    const stack = new Stack(new App(), 'S');
    const n = new CfnParameter(stack, 'N', { type: 'Number' }).valueAsNumber;
    expect([n, Token.asString({ Ref: 'X' }), new CfnParameter(stack, 'L', { type: 'CommaDelimitedList' }).valueAsList, ['a', Token.asString({ Ref: 'X' })],
      Duration.days(n), Duration.seconds(n)].map(isDeployTimeValue)).toEqual([true, true, true, true, true, true]);
    expect([256, 'a', ['a', 'b'], Duration.days(14), undefined].map(isDeployTimeValue)).toEqual([false, false, false, false, false]);
  });

  test('FargateSize.of names the parameter as a deploy-time value, without a number like -1.8e+289', () => {
    const stack = new Stack(new App(), 'S');
    const cpu = new CfnParameter(stack, 'Cpu', { type: 'Number' }).valueAsNumber;
    expect(() => FargateSize.of(cpu, 1024)).toThrow(/^\[KIT-SYNTH-VALUE\] cpu is a value known only at deploy time .* at FargateSize\.of; allowed: a value known at synth: /);
    expect(() => FargateSize.smallestFor({ memoryMiB: cpu })).toThrow(/\[KIT-SYNTH-VALUE\] memoryMiB is a value known only at deploy time/);
    expect(() => FargateSize.of(cpu, 1024)).not.toThrow(/e\+289/);
  });

  test('ScheduledJob.maxEventAge: a parameter in seconds reaches the template; in hours it is refused by name', () => {
    const f = fixture();
    const age = new CfnParameter(f.stack, 'Age', { type: 'Number', default: 7200 });
    new ScheduledJob(f.stack, 'Job', {
      cluster: f.cluster,
      task: fargateTask(f.stack),
      schedule: scheduler.ScheduleExpression.rate(Duration.hours(1)),
      maxEventAge: Duration.seconds(age.valueAsNumber),
    });
    Template.fromStack(f.stack).hasResourceProperties('AWS::Scheduler::Schedule', { Target: { RetryPolicy: { MaximumEventAgeInSeconds: { Ref: 'Age' } } } });
    const g = fixture();
    new ScheduledJob(g.stack, 'Job', {
      cluster: g.cluster,
      task: fargateTask(g.stack),
      schedule: scheduler.ScheduleExpression.rate(Duration.hours(1)),
      maxEventAge: Duration.seconds(Lazy.number({ produce: () => 7200 })),
    });
    Template.fromStack(g.stack).hasResourceProperties('AWS::Scheduler::Schedule', { Target: { RetryPolicy: { MaximumEventAgeInSeconds: 7200 } } });
    const h = fixture();
    expect(() => new ScheduledJob(h.stack, 'Job', {
      cluster: h.cluster,
      task: fargateTask(h.stack),
      schedule: scheduler.ScheduleExpression.rate(Duration.hours(1)),
      maxEventAge: Duration.hours(new CfnParameter(h.stack, 'Hours', { type: 'Number' }).valueAsNumber),
    })).toThrow(/\[KIT-JOB-RANGE\] maxEventAge Duration\.hours\(a deploy-time value\) cannot be turned into seconds at synth at Svc\/Job; .* Write maxEventAge: Duration\.seconds\(value\)/);
  });
});
