/**
 * AwsSolutions-ECS2 for the variables the kit adds itself: a WorkerService's queue URL (queueUrlEnvironment), alone or
 * with the AWS_REGION of an awsvpc Ec2Task. A variable of the app brings the finding back.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { Ec2Task, EcsCluster, FargateTask, StandardTesting, TaskBase, WorkerService } from '../../src';

const IMAGE = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');

function ecs2(build: (stack: Stack, cluster: EcsCluster) => void): { findings: string[]; acknowledged: string[]; reasons: string[] } {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'ecs2-')) });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const stack = new Stack(app, 'S');
  build(stack, new EcsCluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 }) }));
  const report = StandardTesting.synthReport(app);
  const acknowledged = report.acknowledged.filter((a) => a.finding.ruleId === 'AwsSolutions-ECS2');
  return {
    findings: report.findings.filter((f) => f.ruleId === 'AwsSolutions-ECS2').map((f) => f.path),
    acknowledged: acknowledged.map((a) => a.finding.path),
    reasons: acknowledged.map((a) => a.reason),
  };
}

const worker = (stack: Stack, cluster: EcsCluster, task: TaskBase, queueUrlEnvironment?: string) =>
  new WorkerService(stack, 'Worker', { cluster, task, queueUrlEnvironment });

test('queueUrlEnvironment alone: acknowledged, with the reason', () => {
  const result = ecs2((stack, cluster) => worker(stack, cluster, new FargateTask(stack, 'Task', { container: { image: IMAGE } }), 'QUEUE_URL'));
  expect(result.findings).toEqual([]);
  expect(result.acknowledged).toEqual(['S/Task/TaskDefinition/Resource']);
  expect(result.reasons[0]).toContain('The kit passes the worker its queue URL (queueUrlEnvironment): an address, not a secret');
});

test('queue URL and AWS_REGION on an awsvpc Ec2Task: acknowledged with both reasons', () => {
  const result = ecs2((stack, cluster) => {
    const capacity = cluster.addEc2Capacity('Capacity', { instanceTypes: [new ec2.InstanceType('m6i.large')] });
    const task = new Ec2Task(stack, 'Task', { networkMode: ecs.NetworkMode.AWS_VPC, container: { image: IMAGE } });
    new WorkerService(stack, 'Worker', { cluster, task, capacity, queueUrlEnvironment: 'QUEUE_URL' });
  });
  expect(result).toMatchObject({ findings: [], acknowledged: ['S/Task/TaskDefinition/Resource'] });
  expect(result.reasons[0]).toMatch(/adds AWS_REGION .* The kit passes the worker its queue URL/);
});

test('a variable of the app, or no queueUrlEnvironment with one: the finding stands', () => {
  expect(ecs2((stack, cluster) => worker(stack, cluster,
    new FargateTask(stack, 'Task', { container: { image: IMAGE, environment: { LOG_LEVEL: 'info' } } }), 'QUEUE_URL')))
    .toMatchObject({ findings: ['S/Task/TaskDefinition/Resource'], acknowledged: [] });
  expect(ecs2((stack, cluster) => worker(stack, cluster,
    new FargateTask(stack, 'Task', { container: { image: IMAGE, environment: { QUEUE_URL: 'https://example.com/q' } } }))))
    .toMatchObject({ findings: ['S/Task/TaskDefinition/Resource'], acknowledged: [] });
});
