/**
 * Issue 13, item 8: the README's acknowledgement example works as written, and
 * a warning found both by a construct and by EcsChecks is reported once.
 */
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { EcsChecks, FargateTask } from '../../src';

function app(acknowledge: boolean, plugin = true) {
  const a = new App();
  if (plugin) Validations.of(a).addPlugins(new EcsChecks());
  const stack = new Stack(a, 'Ack');
  const task = new FargateTask(stack, 'Task', {
    container: { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), environment: { DEBUG_TOKEN: 'x7f3-public-flag' } },
  });
  const taskDefinition = task.taskDefinition;
  // --- README snippet: "Checks in a CDK app", acknowledgement ---
  if (acknowledge) Validations.of(taskDefinition).acknowledge({ id: 'ECS-CT-23', reason: 'DEBUG_TOKEN is a public feature flag, not a secret' });
  // --- end ---
  return { a, stack, task };
}

function ct23(a: App, stack: Stack) {
  const assembly = a.synth();
  const annotations = assembly.getStackArtifact(stack.artifactId).messages.filter((m) => String(m.entry.data).includes('ECS-CT-23'));
  const report = EcsChecks.check(a);
  return {
    annotations: annotations.length,
    reported: report.findings.filter((f) => f.ruleId === 'ECS-CT-23').length,
    acknowledged: report.acknowledged.filter((f) => f.finding.ruleId === 'ECS-CT-23').length,
  };
}

test('unacknowledged, ECS-CT-23 is reported once: by EcsChecks, not also as a construct annotation', () => {
  const { a, stack } = app(false);
  expect(ct23(a, stack)).toEqual({ annotations: 0, reported: 1, acknowledged: 0 });
});

test('the README\'s Validations.of(taskDefinition).acknowledge clears it everywhere', () => {
  const { a, stack } = app(true);
  expect(ct23(a, stack)).toEqual({ annotations: 0, reported: 0, acknowledged: 1 });
});

test('without the plugin the construct reports it as an annotation, and the same acknowledgement clears it', () => {
  for (const [ack, expected] of [[false, 1], [true, 0]] as const) {
    const { a, stack } = app(ack, false);
    const messages = a.synth().getStackArtifact(stack.artifactId).messages.filter((m) => String(m.entry.data).includes('ECS-CT-23'));
    expect(messages).toHaveLength(expected);
  }
});
