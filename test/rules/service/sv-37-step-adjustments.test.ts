/** ECS-SV-37: step scaling adjustments without overlaps or gaps (found by a deployments-team trial). */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as fc from 'fast-check';
import { stepProblem, SV37_STEP_ADJUSTMENTS as rule } from '../../../src/rules/service/sv-37-step-adjustments';
import { check } from '../helpers';

/** A Fargate service scaled by aws-cdk-lib's scaleOnMetric, and a step action of hand-written adjustments. */
function app(adjustments?: appscaling.AdjustmentTier[]) {
  const stack = new Stack(new App(), 'Steps');
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 }) });
  const td = new ecs.FargateTaskDefinition(stack, 'Td');
  td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
  const service = new ecs.FargateService(stack, 'Service', { cluster, taskDefinition: td });
  const count = service.autoScaleTaskCount({ maxCapacity: 10 });
  const metric = new cloudwatch.Metric({ namespace: 'AWS/SQS', metricName: 'ApproximateNumberOfMessagesVisible' });
  count.scaleOnMetric('Queue', { metric, scalingSteps: [{ upper: 0, change: -1 }, { lower: 100, change: +1 }, { lower: 500, change: +5 }] });
  if (adjustments) {
    const target = stack.node.findAll().find((c): c is appscaling.ScalableTarget => c instanceof appscaling.ScalableTarget)!;
    const action = new appscaling.StepScalingAction(stack, 'Manual', { scalingTarget: target });
    for (const a of adjustments) action.addAdjustment(a);
  }
  return Template.fromStack(stack).toJSON().Resources;
}

describe('ECS-SV-37 step adjustments', () => {
  test('good: aws-cdk-lib scaleOnMetric steps; hand-written contiguous steps', () => {
    expect(check(rule, app())).toEqual([]);
    expect(check(rule, app([{ adjustment: 1, lowerBound: 0, upperBound: 10 }, { adjustment: 3, lowerBound: 10 }]))).toEqual([]);
  });

  test('bad: overlapping steps, a gap, a negative lower bound without an open one', () => {
    const overlap = check(rule, app([{ adjustment: 1, lowerBound: 0, upperBound: 20 }, { adjustment: 3, lowerBound: 10 }]));
    expect(overlap.map((f) => f.message)).toEqual([
      '[ECS-SV-37] step adjustments [0, 20], [10, +inf]: steps 0 and 1 overlap (20 > 10) at TestStack/ManualEB2ECD12; allowed: contiguous intervals '
      + 'without overlaps or gaps, open-ended (null) at the lowest lower and highest upper bound where those are not 0. Make each step\'s '
      + 'MetricIntervalLowerBound equal the previous step\'s MetricIntervalUpperBound, and leave the outermost bounds null.',
    ]);
    expect(check(rule, app([{ adjustment: 1, lowerBound: 0, upperBound: 10 }, { adjustment: 3, lowerBound: 20 }]))[0].message).toContain('leave a gap between 10 and 20');
    expect(check(rule, app([{ adjustment: -1, lowerBound: -10, upperBound: 0 }]))[0].message).toContain('negative lower bound but none has a null lower bound');
  });

  test('property: contiguous steps from -inf to +inf pass; moving one inner bound breaks them', () => {
    const cutsArb = fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 8 });
    fc.assert(fc.property(cutsArb, fc.integer({ min: 1, max: 50 }), (cuts, shift) => {
      const bounds = [...cuts].sort((a, b) => a - b);
      const steps = [undefined, ...bounds].map((lower, index) => ({ index, lower, upper: index < bounds.length ? bounds[index] : undefined }));
      if (stepProblem(steps) !== undefined) return false;
      const moved = steps.map((s) => (s.index === 1 ? { ...s, lower: (s.lower as number) + shift } : s));
      return stepProblem(moved) !== undefined;
    }));
  });
});
