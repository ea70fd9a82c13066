import { TemplateResource } from '../model';
import { ResourceRule, RuleContext, RuleIssue, Severity } from '../rule';
import { isUnresolved, toArray, toNumber, toObject, toStr } from '../values';

const SCALING_POLICY = 'AWS::ApplicationAutoScaling::ScalingPolicy';
const SCALABLE_TARGET = 'AWS::ApplicationAutoScaling::ScalableTarget';
const POINTER = 'Properties/StepScalingPolicyConfiguration/StepAdjustments';

interface Step { readonly index: number; readonly lower?: number; readonly upper?: number }

export const SV37_STEP_ADJUSTMENTS: ResourceRule = {
  id: 'ECS-SV-37',
  title: 'Step scaling adjustments cover the metric without overlaps or gaps',
  area: 'service',
  severity: Severity.ERROR,
  description: 'For a step scaling policy of an ECS service (ScalableDimension ecs:service:DesiredCount, or a scalable target in the ecs '
    + 'namespace), checks the StepAdjustments as Application Auto Scaling does: no step with both bounds null, at most one null lower '
    + 'and one null upper bound, each upper bound above its lower bound, the ranges neither overlapping nor leaving a gap, and a null '
    + 'lower (upper) bound whenever a step has a negative lower (positive upper) bound. Skipped when a bound is unresolved.',
  deployError: 'CloudFormation fails to create the scaling policy (ValidationException from PutScalingPolicy: step adjustment intervals '
    + 'overlap, leave a gap or lack an open-ended step) and rolls the stack back.',
  fix: 'Make the intervals contiguous from an open lower bound to an open upper bound, e.g. [-inf, 0] scale in and [0, 10], [10, +inf] '
    + 'scale out; aws-cdk-lib\'s scaleOnMetric({ scalingSteps }) builds such intervals from the step thresholds.',
  source: 'https://docs.aws.amazon.com/autoscaling/application/APIReference/API_StepAdjustment.html',
  resourceTypes: [SCALING_POLICY],
  onlyWith: ['StepScalingPolicyConfiguration'],
  check(policy, ctx): RuleIssue[] {
    if (!isEcsPolicy(policy, ctx)) return [];
    const raw = toArray(toObject(policy.properties.StepScalingPolicyConfiguration)?.StepAdjustments);
    if (!raw || raw.length === 0) return [];
    const steps: Step[] = [];
    for (let index = 0; index < raw.length; index++) {
      const s = toObject(raw[index]);
      if (!s || isUnresolved(s.MetricIntervalLowerBound) || isUnresolved(s.MetricIntervalUpperBound)) return [];
      steps.push({ index, lower: bound(s.MetricIntervalLowerBound), upper: bound(s.MetricIntervalUpperBound) });
    }
    const problem = stepProblem(steps);
    if (!problem) return [];
    return [{
      property: POINTER,
      value: steps.map(describe).join(', '),
      problem: `step adjustments ${steps.map(describe).join(', ')}: ${problem}`,
      allowed: 'contiguous intervals without overlaps or gaps, open-ended (null) at the lowest lower and highest upper bound where those are not 0',
      fix: 'Make each step\'s MetricIntervalLowerBound equal the previous step\'s MetricIntervalUpperBound, and leave the outermost bounds null.',
    }];
  },
};

function bound(v: unknown): number | undefined {
  return v === undefined || v === null ? undefined : toNumber(v);
}

function describe(s: Step): string {
  return `[${s.lower ?? '-inf'}, ${s.upper ?? '+inf'}]`;
}

/** The first rule of API_StepAdjustment the steps break, or undefined. */
export function stepProblem(steps: readonly Step[]): string | undefined {
  const open = steps.find((s) => s.lower === undefined && s.upper === undefined);
  if (open) return `step ${open.index} has neither a lower nor an upper bound`;
  if (steps.filter((s) => s.lower === undefined).length > 1) return 'more than one step has a null lower bound';
  if (steps.filter((s) => s.upper === undefined).length > 1) return 'more than one step has a null upper bound';
  const empty = steps.find((s) => s.lower !== undefined && s.upper !== undefined && s.upper <= s.lower);
  if (empty) return `step ${empty.index}'s upper bound ${empty.upper} is not above its lower bound ${empty.lower}`;
  if (steps.some((s) => s.lower !== undefined && s.lower < 0) && !steps.some((s) => s.lower === undefined)) {
    return 'a step has a negative lower bound but none has a null lower bound';
  }
  if (steps.some((s) => s.upper !== undefined && s.upper > 0) && !steps.some((s) => s.upper === undefined)) {
    return 'a step has a positive upper bound but none has a null upper bound';
  }
  const sorted = [...steps].sort((a, b) => (a.lower ?? -Infinity) - (b.lower ?? -Infinity));
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1].upper ?? Infinity;
    const next = sorted[i].lower ?? -Infinity;
    if (next < prev) return `steps ${sorted[i - 1].index} and ${sorted[i].index} overlap (${prev} > ${next})`;
    if (next > prev) return `steps ${sorted[i - 1].index} and ${sorted[i].index} leave a gap between ${prev} and ${next}`;
  }
  return undefined;
}

/** A policy that scales an ECS service's desired count. */
function isEcsPolicy(policy: TemplateResource, ctx: RuleContext): boolean {
  const dimension = toStr(policy.properties.ScalableDimension);
  if (dimension !== undefined) return dimension === 'ecs:service:DesiredCount';
  const target = ctx.assembly.resolveResource(policy.properties.ScalingTargetId, policy.stack);
  return target?.type === SCALABLE_TARGET && toStr(target.properties.ServiceNamespace) === 'ecs';
}
