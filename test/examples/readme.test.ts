/** The README's construct snippet, kept compiling and synthesizing. */
import { App, Size, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import {
  BackendService, EcsChecks, EcsCluster, FargateSize, FargateTask, ManagedInstancesTask, QuotaProfile, SecureRepository, WebService, WorkerService,
} from '../../src';

test('README construct snippet synthesizes and passes EcsChecks', () => {
  const app = new App();
  const stack = new Stack(app, 'Readme', { env: { account: '111111111111', region: 'eu-west-1' } });
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const certificate = acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:eu-west-1:111111111111:certificate/11111111-2222-3333-4444-555555555555');

  // --- README snippet ---
  const cluster = new EcsCluster(stack, 'Cluster', { vpc });
  cluster.addEc2Capacity('Ec2', {
    instanceTypes: [new ec2.InstanceType('m7g.large'), new ec2.InstanceType('c7g.large')],
    onDemandBaseCapacity: 1,
  });
  const repo = new SecureRepository(stack, 'Repo');
  const task = new FargateTask(stack, 'Task', {
    size: FargateSize.of(512, 1024),
    container: { image: repo.imageForDigest(`sha256:${'a'.repeat(64)}`), portMappings: [{ containerPort: 8080 }] },
  });
  new WebService(stack, 'Web', { cluster, task, certificate });
  // --- end ---

  Validations.of(app).addPlugins(new EcsChecks({ quotas: QuotaProfile.current().withOverrides({ servicesPerCluster: 8000 }) }));
  const template = Template.fromStack(stack);
  template.resourceCountIs('AWS::ECS::Service', 1);
  template.hasResourceProperties('AWS::ECS::TaskDefinition', { Cpu: '512', Memory: '1024' });
  template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Protocol: 'HTTPS', Port: 443 });
});

test('README bring-your-own snippet synthesizes env-agnostic with no error findings', () => {
  const app = new App();
  const stack = new Stack(app, 'ReadmeByo');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const certificate = acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:eu-west-1:111111111111:certificate/11111111-2222-3333-4444-555555555555');
  const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/nginx:1.27');
  const apiTask = new FargateTask(stack, 'ApiTask', { container: { image, portMappings: [{ containerPort: 8080, name: 'api' }] } });
  const workerTask = new FargateTask(stack, 'WorkerTask', { container: { image } });
  const existingEcsCluster = new ecs.Cluster(stack, 'Existing', { vpc });
  const existingFargateTaskDefinition = new ecs.FargateTaskDefinition(stack, 'LegacyTd');
  existingFargateTaskDefinition.addContainer('web', { image, portMappings: [{ containerPort: 80 }] });

  // --- README snippet ---
  const cluster = new EcsCluster(stack, 'Cluster', { vpc, defaultCloudMapNamespace: { name: 'internal' } });
  const api = new BackendService(stack, 'Api', { cluster, task: apiTask });
  const worker = new WorkerService(stack, 'Worker', { cluster, task: workerTask, serviceConnect: {} });
  api.allowFrom(worker, 8080);
  new WebService(stack, 'Legacy', { cluster: existingEcsCluster, taskDefinition: existingFargateTaskDefinition, certificate });
  // --- end ---

  const report = EcsChecks.check(app);
  expect(report.findings.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([]);
});

test('README "Checks in a CDK app" snippet: EcsChecks with a raised quota fails synth on an error finding', () => {
  // --- README snippet: checks in a CDK app ---
  const app = new App({ context: { '@aws-cdk/core:validateAgainstDefaultRules': true } });
  // --- end ---
  const stack = new Stack(app, 'Checks');
  new ecs.CfnTaskDefinition(stack, 'Td', {
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '512',
    memory: '3000',
    containerDefinitions: [{ name: 'app', image: 'public.ecr.aws/docker/library/busybox:1.36', essential: true }],
  });
  // --- README snippet: checks in a CDK app, plugin ---
  Validations.of(app).addPlugins(new EcsChecks({
    quotas: QuotaProfile.current().withOverrides({ servicesPerCluster: 8000 }), // a raised account quota
  }));
  // --- end ---
  // CDK_VALIDATION is false in unit tests (jest.setup.ts), so EcsChecks reports the pair itself.
  expect(() => app.synth()).toThrow(/ECS-TD-01/);
});

test('README "More constructs" snippet: a worker on Managed Instances with action logs synthesizes with no error findings', () => {
  const app = new App();
  const stack = new Stack(app, 'ReadmeMi');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const cluster = new EcsCluster(stack, 'Cluster', { vpc });
  const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/busybox:1.36');

  // --- README snippet: more constructs ---
  const mi = cluster.addManagedInstancesCapacity('Mi', { instanceRequirements: { vCpuCountMin: 2, memoryMin: Size.gibibytes(4) } });
  const miTask = new ManagedInstancesTask(stack, 'MiTask', { cpu: 512, memoryMiB: 1024, container: { image } });
  new WorkerService(stack, 'MiWorker', { cluster, task: miTask, managedInstancesCapacity: mi });
  cluster.enableActionLogs(); // ECS action logs to an encrypted log group
  // --- end ---

  const report = EcsChecks.check(app);
  expect(report.findings.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([]);
  Template.fromStack(stack).resourceCountIs('AWS::ECS::CapacityProvider', 1);
});
