/** AwsSolutions-ECS2 on awsvpc Ec2Tasks: acknowledged for the AWS_REGION aws-cdk-lib adds, not for variables of the app. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { Ec2Task, StandardTesting } from '../../src';

function ecs2(environment?: Record<string, string>, sidecarEnvironment?: Record<string, string>): { findings: string[]; acknowledged: string[] } {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'ecs2-')) });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const stack = new Stack(app, 'S');
  const task = new Ec2Task(stack, 'Task', { container: { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), environment } });
  // Added after construction, as apps do: still judged.
  if (sidecarEnvironment) task.addContainer('sidecar', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), environment: sidecarEnvironment });
  const report = StandardTesting.synthReport(app);
  return {
    findings: report.findings.filter((f) => f.ruleId === 'AwsSolutions-ECS2').map((f) => f.path),
    acknowledged: report.acknowledged.filter((a) => a.finding.ruleId === 'AwsSolutions-ECS2').map((a) => a.finding.path),
  };
}

test('only AWS_REGION: acknowledged', () => {
  expect(ecs2()).toEqual({ findings: [], acknowledged: ['S/Task/TaskDefinition/Resource'] });
});

test('a variable of the app, on the main container or on a container added later: the finding stands', () => {
  expect(ecs2({ DB_HOST: 'db.internal' })).toEqual({ findings: ['S/Task/TaskDefinition/Resource'], acknowledged: [] });
  expect(ecs2(undefined, { LOG_LEVEL: 'info' })).toEqual({ findings: ['S/Task/TaskDefinition/Resource'], acknowledged: [] });
});
