import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toArray, toNumber, toObject, toStr } from '../values';

const SCALABLE_TARGET = 'AWS::ApplicationAutoScaling::ScalableTarget';

export const SV41_SCALABLE_TARGET_RANGE: ResourceRule = {
  id: 'ECS-SV-41',
  title: 'An ECS service\'s scalable target has a minimum no larger than its maximum',
  area: 'service',
  severity: Severity.ERROR,
  description: 'For an AWS::ApplicationAutoScaling::ScalableTarget in the ecs namespace (a service\'s desired count), flags a negative '
    + 'MinCapacity or MaxCapacity, a MinCapacity above MaxCapacity, and the same in a scheduled action\'s ScalableTargetAction when it sets '
    + 'both. aws-cdk-lib checks this for its ScalableTarget; hand-written templates and escape hatches are not. Unresolved values are skipped.',
  deployError: 'CloudFormation fails to register the scalable target or its scheduled action (ValidationException from RegisterScalableTarget '
    + 'or PutScheduledAction: the minimum capacity is above the maximum) and rolls the stack back.',
  fix: 'Set MinCapacity at or below MaxCapacity (service.autoScaleTaskCount({ minCapacity, maxCapacity }) checks it).',
  source: 'https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html',
  resourceTypes: [SCALABLE_TARGET],
  check(target): RuleIssue[] {
    if (toStr(target.properties.ServiceNamespace) !== 'ecs') return [];
    const issues: RuleIssue[] = [];
    const range = (where: string, raw: Record<string, unknown>) => {
      const min = toNumber(raw.MinCapacity);
      const max = toNumber(raw.MaxCapacity);
      for (const [name, value] of [['MinCapacity', min], ['MaxCapacity', max]] as const) {
        if (value !== undefined && value < 0) {
          issues.push({ property: `${where}/${name}`, value: raw[name], problem: `${name} ${value} is negative`, allowed: 'a whole number of tasks, 0 or more', fix: `Set ${name} to 0 or more.` });
        }
      }
      if (min === undefined || max === undefined || min < 0 || max < 0 || min <= max) return;
      issues.push({
        property: `${where}/MinCapacity`,
        value: raw.MinCapacity,
        problem: `MinCapacity ${min} is above MaxCapacity ${max}`,
        allowed: `MinCapacity 0-${max} (at most MaxCapacity)`,
        fix: `Lower MinCapacity to ${max} or less, or raise MaxCapacity to ${min} or more.`,
      });
    };
    range('Properties', target.properties);
    const actions = toArray(target.properties.ScheduledActions) ?? [];
    actions.forEach((raw, index) => {
      const action = toObject(toObject(raw)?.ScalableTargetAction);
      if (action) range(`Properties/ScheduledActions/${index}/ScalableTargetAction`, action);
    });
    return issues;
  },
};
