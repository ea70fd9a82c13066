/** ECS-SV-41: an ECS service's scalable target needs MinCapacity <= MaxCapacity (API_RegisterScalableTarget). */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as fc from 'fast-check';
import { runRules } from '../../../src/rules/engine';
import { AssemblyModel } from '../../../src/rules/model';
import { SV41_SCALABLE_TARGET_RANGE as rule } from '../../../src/rules/service/sv-41-scalable-target-range';
import { check, Resources } from '../helpers';

const target = (props: Record<string, unknown>, namespace = 'ecs'): Resources => ({
  Target: {
    Type: 'AWS::ApplicationAutoScaling::ScalableTarget',
    Properties: { ServiceNamespace: namespace, ScalableDimension: `${namespace}:service:DesiredCount`, ResourceId: 'service/c/s', ...props },
  },
});

describe('ECS-SV-41 scalable target range', () => {
  test('bad: MinCapacity above MaxCapacity, in the target and in a scheduled action', () => {
    const [f] = check(rule, target({ MinCapacity: 10, MaxCapacity: 2 }));
    expect(f).toMatchObject({ ruleId: 'ECS-SV-41', severity: 'error', property: 'Properties/MinCapacity' });
    expect(f.message).toBe('[ECS-SV-41] MinCapacity 10 is above MaxCapacity 2 at TestStack/Target; allowed: MinCapacity 0-2 (at most MaxCapacity). '
      + 'Lower MinCapacity to 2 or less, or raise MaxCapacity to 10 or more.');
    const scheduled = check(rule, target({
      MinCapacity: 1,
      MaxCapacity: 4,
      ScheduledActions: [
        { ScheduledActionName: 'night', Schedule: 'cron(0 20 * * ? *)', ScalableTargetAction: { MinCapacity: 0, MaxCapacity: 1 } },
        { ScheduledActionName: 'day', Schedule: 'cron(0 6 * * ? *)', ScalableTargetAction: { MinCapacity: '6', MaxCapacity: '3' } },
      ],
    }));
    expect(scheduled.map((s) => s.property)).toEqual(['Properties/ScheduledActions/1/ScalableTargetAction/MinCapacity']);
  });

  test('bad: a negative capacity', () => {
    expect(check(rule, target({ MinCapacity: -1, MaxCapacity: 2 })).map((f) => f.message)).toEqual([
      expect.stringContaining('MinCapacity -1 is negative'),
    ]);
  });

  test('good: min at or below max (fast-check), a one-sided scheduled action, another namespace', () => {
    fc.assert(fc.property(fc.nat(1000), fc.nat(1000), (a, b) => {
      expect(check(rule, target({ MinCapacity: Math.min(a, b), MaxCapacity: Math.max(a, b) }))).toEqual([]);
    }));
    expect(check(rule, target({ MinCapacity: 1, MaxCapacity: 4, ScheduledActions: [{ ScheduledActionName: 'n', Schedule: 'rate(1 day)', ScalableTargetAction: { MinCapacity: 9 } }] }))).toEqual([]);
    expect(check(rule, target({ MinCapacity: 10, MaxCapacity: 2 }, 'dynamodb'))).toEqual([]);
  });

  test('skipped: unresolved capacities', () => {
    expect(check(rule, target({ MinCapacity: { Ref: 'Min' }, MaxCapacity: 2 }))).toEqual([]);
    expect(check(rule, target({ MinCapacity: 10, MaxCapacity: { 'Fn::If': ['Big', 20, 5] } }))).toEqual([]);
  });

  test('aws-cdk-lib: its ScalableTarget throws at construction, so only escape hatches reach the rule', () => {
    const stack = new Stack(new App(), 'L2');
    const props = { serviceNamespace: appscaling.ServiceNamespace.ECS, resourceId: 'service/c/s', scalableDimension: 'ecs:service:DesiredCount' };
    expect(() => new appscaling.ScalableTarget(stack, 'Bad', { ...props, minCapacity: 10, maxCapacity: 2 })).toThrow(/minCapacity/);
    const ok = new appscaling.ScalableTarget(stack, 'Ok', { ...props, minCapacity: 1, maxCapacity: 2 });
    (ok.node.defaultChild as appscaling.CfnScalableTarget).addPropertyOverride('MinCapacity', 5);
    const model = new AssemblyModel([{ name: 'L2', template: Template.fromStack(stack).toJSON() }]);
    expect(runRules(model, { rules: [rule] }).map((f) => f.ruleId)).toEqual(['ECS-SV-41']);
  });
});
