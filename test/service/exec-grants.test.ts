/** ECS Exec on a kit service: aws-cdk-lib's exec grants carry the kit's reasons, so AwsSolutions passes. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { hardenedVpc } from '../../examples/hardened-vpc';
import { EcsCluster, FargateTask, StandardTesting, WorkerService } from '../../src';
import { nagResourceName } from '../../src/internal/nag-acknowledgements';

function execApp(enableExecuteCommand: boolean, taskRoleStatement?: iam.PolicyStatement): App {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'exec-')) });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const stack = new Stack(app, 'Exec');
  const cluster = new EcsCluster(stack, 'Cluster', { vpc: hardenedVpc(stack, 'Vpc'), enableExecuteCommand: true });
  const task = new FargateTask(stack, 'Task', { container: { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') } });
  new WorkerService(stack, 'Worker', { cluster, task, enableExecuteCommand });
  if (taskRoleStatement) task.taskRole.addToPrincipalPolicy(taskRoleStatement);
  return app;
}

test('the exec grants on the task role are acknowledged with reasons, and nothing else is', () => {
  const report = StandardTesting.synthReport(execApp(true));
  expect(report.findings.map((f) => `${f.ruleId} ${f.path}`)).toEqual([]);
  const onTaskRole = report.acknowledged.filter((a) => a.finding.path.startsWith('Exec/Task/TaskRole/'));
  const ids = onTaskRole.map((a) => a.finding.ruleId);
  expect(ids).toHaveLength(2);
  expect(ids).toEqual(expect.arrayContaining([
    'AwsSolutions-IAM5[Resource::*]',
    expect.stringMatching(/^AwsSolutions-IAM5\[Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:<ClusterExecuteCommandLogs\w+>:\*\]$/),
  ]));
  expect(onTaskRole.every((a) => a.reason.includes('ECS Exec'))).toBe(true);
});

test('the app\'s own statement on "*" in the task role keeps its finding (found by a compliance trial)', () => {
  const report = StandardTesting.synthReport(execApp(true, new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] })));
  expect(report.findings.map((f) => `${f.ruleId} ${f.path}`)).toEqual([expect.stringMatching(/^AwsSolutions-IAM5\[Resource::\*\] Exec\/Task\/TaskRole\/Policy/)]);
});

test('without ECS Exec the task role carries no acknowledgement', () => {
  const report = StandardTesting.synthReport(execApp(false));
  expect(report.acknowledged.filter((a) => a.finding.path.startsWith('Exec/Task/TaskRole/'))).toEqual([]);
});

// The cluster in a network stack and the service elsewhere, as ServiceFleet and most apps lay them out.
test.each([['strong', undefined], ['weak', 'weak']])('across stacks (%s references) the exec log stream grant is acknowledged too', (_kind, references) => {
  const app = new App({
    outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'exec-')),
    context: references ? { '@aws-cdk/core:defaultCrossStackReferences': references } : {},
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const net = new Stack(app, 'Net');
  const cluster = new EcsCluster(net, 'Cluster', { vpc: hardenedVpc(net, 'Vpc'), enableExecuteCommand: true });
  const svc = new Stack(app, 'Svc');
  const task = new FargateTask(svc, 'Task', { container: { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') } });
  new WorkerService(svc, 'Worker', { cluster, task, enableExecuteCommand: true });
  const report = StandardTesting.synthReport(app);
  expect(report.findings.map((f) => `${f.ruleId} ${f.path}`)).toEqual([]);
  const streams = report.acknowledged.filter((a) => a.finding.path.startsWith('Svc/Task/TaskRole/') && a.finding.ruleId.includes(':log-group:'));
  expect(streams).toHaveLength(1);
  expect(streams[0].reason).toContain('one log stream per session');
});

test('nagResourceName names values as cdk-nag does', () => {
  expect(nagResourceName({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:x:', { 'Fn::ImportValue': 'Net:ExportsOutputRefG' }, ':*']] }))
    .toBe('arn:<AWS::Partition>:logs:x:Net:ExportsOutputRefG:*');
  expect(nagResourceName({ 'Fn::GetAtt': ['Role', 'Arn'] })).toBe('<Role.Arn>');
  expect(nagResourceName({ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::b/*' })).toBe('arn:<AWS::Partition>:s3:::b/*');
  expect(nagResourceName({ 'Fn::GetStackOutput': { StackName: 'Net', OutputName: 'O' } })).toBe('{"Fn::GetStackOutput":{"StackName":"Net","OutputName":"O"}}');
});

test('ECS Exec makes the root filesystem writable and leaves Control Tower\'s read-only check unacknowledged: a proactive hook would reject it (found by a security review trial)', () => {
  const app = execApp(true);
  const task = app.node.findAll().find((c) => c.node.path === 'Exec/Task/TaskDefinition')!;
  const acks = task.node.metadata.filter((m) => m.type === 'aws:cdk:acknowledged-rules').map((m) => m.data as Record<string, string>);
  expect(Object.keys(Object.assign({}, ...acks))).not.toContain('cdk-validator-cfnguard::ecs_containers_readonly_access_check');
  const defs = Template.fromStack(Stack.of(task)).findResources('AWS::ECS::TaskDefinition');
  expect(JSON.stringify(defs)).toContain('"ReadonlyRootFilesystem":false');
});
