/**
 * The README's 5-minute tour (cluster -> task -> service -> repository ->
 * standard), compiled and synthesized as written, and the defaults and
 * checks each step claims. The marked regions are what the README shows
 * (test/examples/readme-snippets.test.ts keeps them in sync).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Tags } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import {
  DeploymentStandard, EcsChecks, EcsCluster, FargateSize, FargateTask, SecureRepository, StandardTesting, WebService, WorkerService,
} from '../../src';

const CERTIFICATE_ARN = 'arn:aws:acm:eu-west-1:111111111111:certificate/11111111-2222-3333-4444-555555555555';
const IMAGE_DIGEST = `sha256:${'a'.repeat(64)}`;

/** Steps 1-4 of the tour, in one stack. */
function buildShop(app: App): Stack {
  // --- README tour: cluster ---
  const stack = new Stack(app, 'Shop'); // env-agnostic: no account, no Region, no lookups
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, flowLogs: { all: {} } });
  const cluster = new EcsCluster(stack, 'Cluster', { vpc });
  // --- end ---

  // --- README tour: task ---
  const task = new FargateTask(stack, 'Task', {
    size: FargateSize.of(512, 1024),
    container: {
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx-unprivileged:1.27'),
      portMappings: [{ containerPort: 8080 }],
    },
  });
  // --- end ---

  // --- README tour: service ---
  const certificate = acm.Certificate.fromCertificateArn(stack, 'Cert', CERTIFICATE_ARN);
  new WebService(stack, 'Web', { cluster, task, certificate });
  // --- end ---

  // --- README tour: repository ---
  const repo = new SecureRepository(stack, 'Repo');
  const workerTask = new FargateTask(stack, 'WorkerTask', {
    container: { image: repo.imageForDigest(IMAGE_DIGEST) },
  });
  new WorkerService(stack, 'Worker', { cluster, task: workerTask, queueUrlEnvironment: 'QUEUE_URL' });
  // --- end ---
  return stack;
}

function tempApp(): App {
  return new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'readme-tour-')), context: { '@aws-cdk/core:validationReportJson': true } });
}

function withoutCdkValidation<T>(fn: () => T): T {
  const previous = process.env.CDK_VALIDATION;
  delete process.env.CDK_VALIDATION; // as `cdk synth` runs for users
  try {
    return fn();
  } finally {
    if (previous !== undefined) process.env.CDK_VALIDATION = previous;
  }
}

test('steps 1-4 synthesize env-agnostic with the defaults the tour names and no error findings', () => {
  const app = tempApp();
  const stack = buildShop(app);
  const report = withoutCdkValidation(() => EcsChecks.check(app));
  expect(report.findings.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([]);

  const t = Template.fromStack(stack);
  // 1. cluster: Container Insights, Fargate and Fargate Spot providers.
  t.hasResourceProperties('AWS::ECS::Cluster', { ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }] });
  t.hasResourceProperties('AWS::ECS::ClusterCapacityProviderAssociations', { CapacityProviders: ['FARGATE', 'FARGATE_SPOT'] });
  // 2. task: read-only root, non-root user, log retention one year.
  t.hasResourceProperties('AWS::ECS::TaskDefinition', {
    Cpu: '512',
    Memory: '1024',
    ContainerDefinitions: [{ ReadonlyRootFilesystem: true, User: '101' }],
  });
  t.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365 });
  // 3. service: HTTPS only, internal, circuit breaker with rollback, 100/200.
  t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Protocol: 'HTTPS', Port: 443 });
  t.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', { Scheme: 'internal' });
  t.hasResourceProperties('AWS::ECS::Service', {
    DeploymentConfiguration: { DeploymentCircuitBreaker: { Enable: true, Rollback: true }, MinimumHealthyPercent: 100, MaximumPercent: 200 },
  });
  // 4. repository: immutable tags, scan on push, retained.
  t.hasResource('AWS::ECR::Repository', {
    Properties: { ImageTagMutability: 'IMMUTABLE', ImageScanningConfiguration: { ScanOnPush: true } },
    DeletionPolicy: 'Retain',
  });
});

test('step 2: a Fargate size that does not exist fails at construction, naming the allowed values', () => {
  expect(() => FargateSize.of(512, 3000)).toThrow(/\[ECS-TD-01\] LINUX Fargate cpu 512 does not allow memory 3000 MiB .*allowed: cpu 512: 1024-4096 MiB in 1024 MiB steps/);
});

test('step 5: the standard, applied in one line, passes the tagged app and fails the untagged one', () => {
  const app = tempApp();
  // --- README tour: standard ---
  const SHOP = DeploymentStandard.BASELINE.extend({ name: 'shop', version: '1.0.0', requiredTags: ['team'] });
  SHOP.apply(app); // right after `new App()`, before the stacks
  Tags.of(app).add('team', 'shop');
  // --- end ---
  buildShop(app);
  const findings = withoutCdkValidation(() => StandardTesting.synthFindings(app));
  expect(findings.filter((f) => f.severity === 'error').map((f) => `${f.plugin} ${f.ruleId} ${f.path}`)).toEqual([]);

  const untagged = tempApp();
  DeploymentStandard.BASELINE.extend({ name: 'shop', version: '1.0.0', requiredTags: ['team'] }).apply(untagged);
  buildShop(untagged);
  expect(() => withoutCdkValidation(() => untagged.synth())).toThrow(/\[ORG-TAG-01\]/);
});
