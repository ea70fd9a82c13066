/**
 * A trigger for each construct-only check (KIT-*) that is an error: the
 * smallest input through the public API that raises it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Duration, RemovalPolicy, Size, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Platform } from 'aws-cdk-lib/aws-ecr-assets';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { certificate, env, ErrorTrigger, fargateTask, IMAGE } from './error-triggers';
import { KIT_SERVICE_TRIGGERS } from './error-triggers-kit-service';
import {
  Ec2CapacityImage, Ec2Task, FargateSize, FargateTask, PullThroughCacheRule, RegistryReplication, RegistryScanning, RegistryScanType,
  ScanFrequency, ScheduledJob, SecureRepository, ServiceFleet, ServiceFleetProps, TaskDefinitionJson, UpstreamRegistry,
} from '../../src';

const HOURLY = scheduler.ScheduleExpression.rate(Duration.hours(1));
const ARM = new ec2.InstanceType('m7g.large');
const X86 = new ec2.InstanceType('m6i.large');
const capacity = (options: object) => env().cluster.addEc2Capacity('Ec2', options);
const job = (extra: object) => {
  const e = env();
  return new ScheduledJob(e.stack, 'Job', { cluster: e.cluster, task: fargateTask(e.stack), schedule: HOURLY, ...extra });
};
const repo = (props: object = {}) => new SecureRepository(env().stack, 'Repo', props);
const fleet = (props: Partial<ServiceFleetProps> = {}, e = env()) =>
  new ServiceFleet(e.stack, 'Fleet', { cluster: e.cluster, certificate: certificate(e.stack), shards: 2, ...props });
const fleetTask = (scope: Construct) => new FargateTask(scope, 'Task', { container: { image: IMAGE, portMappings: [{ containerPort: 8080 }] } });
const json = (document: unknown) => TaskDefinitionJson.fromObject(env().stack, 'Json', document);

export const KIT_TRIGGERS: ErrorTrigger[] = [
  { code: 'KIT-CAPACITY-ARCH', prop: 'instanceTypes', bad: 'm7g.large', trigger: () => capacity({ instanceTypes: [X86, ARM] }) },
  { code: 'KIT-CAPACITY-ARCH', prop: 'image', bad: 'm7g.large', trigger: () => capacity({ image: Ec2CapacityImage.windowsServer(), instanceTypes: [ARM] }) },
  {
    code: 'KIT-CAPACITY-GPU',
    prop: 'instanceTypes',
    bad: 'g5.xlarge',
    trigger: () => capacity({ instanceTypes: [new ec2.InstanceType('g5.xlarge'), X86] }),
  },
  {
    code: 'KIT-CAPACITY-NETWORK-MODE',
    prop: 'network mode',
    bad: 'none',
    trigger: () => {
      const e = env();
      e.cluster.addEc2Capacity('Ec2').allowTaskTraffic(new ec2.SecurityGroup(e.stack, 'Peer', { vpc: e.vpc }), ecs.NetworkMode.NONE, 80);
    },
  },
  {
    code: 'KIT-CAPACITY-PORT',
    prop: 'containerPort',
    bad: '70000',
    trigger: () => {
      const e = env();
      e.cluster.addEc2Capacity('Ec2').allowTaskTraffic(new ec2.SecurityGroup(e.stack, 'Peer', { vpc: e.vpc }), ecs.NetworkMode.HOST, 70000);
    },
  },
  { code: 'KIT-CAPACITY-SIZE', prop: 'minCapacity', bad: '3', trigger: () => capacity({ minCapacity: 3, maxCapacity: 2 }) },
  { code: 'KIT-CAPACITY-SIZE', prop: 'maxCapacity', bad: '0', trigger: () => capacity({ maxCapacity: 0 }) },
  { code: 'KIT-CAPACITY-SPOT', prop: 'onDemandPercentageAboveBaseCapacity', bad: '120', trigger: () => capacity({ onDemandPercentageAboveBaseCapacity: 120 }) },
  { code: 'KIT-CAPACITY-SPOT', prop: 'onDemandBaseCapacity', bad: '-1', trigger: () => capacity({ onDemandBaseCapacity: -1 }) },
  { code: 'KIT-CAPACITY-TYPES', prop: 'instanceTypes', bad: '0', trigger: () => capacity({ instanceTypes: [] }) },
  { code: 'KIT-CLUSTER-GRANTEE', prop: 'grantDescribe', bad: 'ServicePrincipal', trigger: () => env().cluster.grantDescribe(new iam.ServicePrincipal('ecs.amazonaws.com')) },
  {
    code: 'KIT-FLEET-BUDGET',
    prop: 'resourceBudget',
    bad: 'over resourceBudget 12',
    path: /^S-Fleet-0$/,
    trigger: () => {
      const e = env();
      const f = fleet({ shards: 1, resourceBudget: 12 }, e);
      for (const key of ['a', 'b']) f.addWebService(key, { task: fleetTask(f.serviceScope(key)), hostHeaders: [`${key}.example.com`] });
      e.app.synth();
    },
  },
  { code: 'KIT-FLEET-KEY', prop: 'key', bad: 'orders/api', path: 'S/Fleet', trigger: () => fleet().placementOf('orders/api') },
  {
    code: 'KIT-FLEET-KEY',
    prop: 'key',
    bad: 'already has a service',
    path: /^S-Fleet-\d\/a$/,
    trigger: () => {
      const f = fleet();
      const task = fleetTask(f.serviceScope('a'));
      f.addWebService('a', { task, hostHeaders: ['a.example.com'] });
      f.addWebService('a', { task, hostHeaders: ['a.example.com'] });
    },
  },
  { code: 'KIT-FLEET-SHARDS', prop: 'shards', bad: '0', path: 'S/Fleet', trigger: () => fleet({ shards: 0 }) },
  { code: 'KIT-FLEET-SHARDS', prop: 'resourceBudget', bad: '501', path: 'S/Fleet', trigger: () => fleet({ resourceBudget: 501 }) },
  { code: 'KIT-FLEET-SHARDS', prop: 'shardOverrides', bad: '2', path: 'S/Fleet', trigger: () => fleet({ shardOverrides: { orders: 2 } }) },
  {
    code: 'KIT-FLEET-TASK',
    prop: 'task',
    bad: 'S/Task',
    path: /^S-Fleet-\d\/a$/,
    trigger: () => {
      const e = env();
      fleet({}, e).addWebService('a', { task: fargateTask(e.stack), hostHeaders: ['a.example.com'] });
    },
  },
  { code: 'KIT-FARGATE-SIZE', prop: 'cpu', bad: '-1', path: 'FargateSize.smallestFor', trigger: () => FargateSize.smallestFor({ cpu: -1, memoryMiB: 512 }) },
  {
    code: 'KIT-JOB-EBS-VOLUME',
    prop: 'EBS volume',
    bad: 'data',
    trigger: () => {
      const e = env();
      const task = fargateTask(e.stack);
      task.addEbsVolume('data', { containerPath: '/data', size: Size.gibibytes(20) });
      new ScheduledJob(e.stack, 'Job', { cluster: e.cluster, task, schedule: HOURLY });
      e.app.synth();
    },
  },
  { code: 'KIT-JOB-RANGE', prop: 'maxRetryAttempts', bad: '200', trigger: () => job({ maxRetryAttempts: 200 }) },
  { code: 'KIT-JOB-RANGE', prop: 'taskCount', bad: '11', trigger: () => job({ taskCount: 11 }) },
  { code: 'KIT-JOB-TAGS', prop: 'propagateTags', bad: 'SERVICE', trigger: () => job({ propagateTags: ecs.PropagatedTagSource.SERVICE }) },
  {
    code: 'KIT-REGISTRY-ACCOUNT-ID',
    prop: 'account',
    bad: "'12'",
    trigger: () => new RegistryReplication(env().stack, 'Replication').addRule({ destinations: [{ region: 'eu-west-1', account: '12' }] }),
  },
  { code: 'KIT-REGISTRY-ACCOUNT-ID', prop: 'accountIds', bad: "'1234'", trigger: () => repo().grantOrganizationPull('o-abc123def45', { accountIds: ['1234'] }) },
  { code: 'KIT-REGISTRY-CACHE-CREDENTIALS', prop: 'credentials', bad: 'docker-hub', trigger: () => new PullThroughCacheRule(env().stack, 'Cache', { upstream: UpstreamRegistry.DOCKER_HUB }) },
  {
    code: 'KIT-REGISTRY-CACHE-CREDENTIALS',
    prop: 'credentials',
    bad: "'dockerhub-token'",
    trigger: () => {
      const { stack } = env();
      new PullThroughCacheRule(stack, 'Cache', { upstream: UpstreamRegistry.DOCKER_HUB, credentials: secretsmanager.Secret.fromSecretNameV2(stack, 'Secret', 'dockerhub-token') });
    },
  },
  { code: 'KIT-REGISTRY-CACHE-PREFIX', prop: 'ecrRepositoryPrefix', bad: "'x'", trigger: () => new PullThroughCacheRule(env().stack, 'Cache', { upstream: UpstreamRegistry.ECR_PUBLIC, ecrRepositoryPrefix: 'x' }) },
  {
    code: 'KIT-REGISTRY-CACHE-REPOSITORY',
    prop: 'upstreamRepository',
    bad: "'Nginx/Nginx'",
    trigger: () => new PullThroughCacheRule(env().stack, 'Cache', { upstream: UpstreamRegistry.ECR_PUBLIC }).containerImage('Nginx/Nginx', '1.27'),
  },
  {
    code: 'KIT-REGISTRY-CACHE-REPOSITORY',
    prop: 'upstreamRepository',
    bad: "'public.ecr.aws/nginx/nginx-unprivileged'",
    trigger: () => new PullThroughCacheRule(env().stack, 'Cache', { upstream: UpstreamRegistry.ECR_PUBLIC }).containerImage('public.ecr.aws/nginx/nginx-unprivileged', '1.27'),
  },
  { code: 'KIT-REGISTRY-GRANTEE', prop: 'grantee', bad: 'ecs-tasks.amazonaws.com', trigger: () => repo().pullPolicy(new iam.ServicePrincipal('ecs-tasks.amazonaws.com')) },
  { code: 'KIT-REGISTRY-IMAGE-DIGEST', prop: 'digest', bad: "'sha256:abc'", trigger: () => repo().imageForDigest('sha256:abc') },
  { code: 'KIT-REGISTRY-IMAGE-TAG', prop: 'tag', bad: "'-bad'", trigger: () => repo().imageForTag('-bad') },
  {
    code: 'KIT-REGISTRY-IMAGE-TAG',
    prop: 'tag',
    bad: "'bad tag'",
    trigger: () => new PullThroughCacheRule(env().stack, 'Cache', { upstream: UpstreamRegistry.ECR_PUBLIC }).containerImage('nginx/nginx-unprivileged', 'bad tag'),
  },
  {
    code: 'KIT-REGISTRY-IMAGE-DIGEST',
    prop: 'digest',
    bad: "'sha256:abc'",
    trigger: () => new PullThroughCacheRule(env().stack, 'Cache', { upstream: UpstreamRegistry.ECR_PUBLIC }).containerImage('nginx/nginx-unprivileged', 'sha256:abc'),
  },
  { code: 'KIT-REGISTRY-REMOVAL-POLICY', prop: 'removalPolicy', bad: 'SNAPSHOT', trigger: () => repo({ removalPolicy: RemovalPolicy.SNAPSHOT }) },
  { code: 'KIT-REGISTRY-REMOVAL-POLICY', prop: 'applyRemovalPolicy', bad: 'SNAPSHOT', trigger: () => repo().applyRemovalPolicy(RemovalPolicy.SNAPSHOT) },
  { code: 'KIT-REGISTRY-LIFECYCLE', prop: 'lifecycleRules', bad: 'maxTaggedImages', trigger: () => repo({ lifecycleRules: [{ maxImageCount: 5 }], maxTaggedImages: 3 }) },
  // A deploy-time value where the kit computes at synth: named as such, never printed as a token or a huge number.
  { code: 'KIT-SYNTH-VALUE', prop: 'cpu', bad: 'known only at deploy time', path: 'FargateSize.of', trigger: () => FargateSize.of(Token.asNumber({ Ref: 'Cpu' }), 512) },
  { code: 'KIT-SYNTH-VALUE', prop: 'maxTaggedImages', bad: 'known only at deploy time', trigger: () => repo({ maxTaggedImages: Token.asNumber({ Ref: 'Keep' }) }) },
  {
    code: 'KIT-SYNTH-VALUE',
    prop: 'untaggedImageExpiration',
    bad: 'known only at deploy time',
    trigger: () => repo({ untaggedImageExpiration: Duration.days(Token.asNumber({ Ref: 'Days' })) }),
  },
  { code: 'KIT-SYNTH-VALUE', prop: 'mutableTags', bad: 'known only at deploy time', trigger: () => repo({ mutableTags: [Token.asString({ Ref: 'Tag' })] }) },
  {
    code: 'KIT-JOB-RANGE',
    prop: 'maxEventAge',
    bad: 'Duration.hours(a deploy-time value)',
    trigger: () => job({ maxEventAge: Duration.hours(Token.asNumber({ Ref: 'Hours' })) }),
  },
  { code: 'KIT-REGISTRY-ORG-ID', prop: 'organizationId', bad: "'org-123'", trigger: () => repo().grantOrganizationPull('org-123') },
  { code: 'KIT-REGISTRY-REPLICATION-DESTINATION', prop: 'destinations', bad: '[]', trigger: () => new RegistryReplication(env().stack, 'Replication').addRule({ destinations: [] }) },
  {
    code: 'KIT-REGISTRY-REPLICATION-FILTER',
    prop: 'repositoryPrefixes',
    bad: "'Prod'",
    trigger: () => new RegistryReplication(env().stack, 'Replication').addRule({ destinations: [{ region: 'eu-west-1' }], repositoryPrefixes: ['Prod'] }),
  },
  {
    code: 'KIT-REGISTRY-SCAN-FILTER',
    prop: 'repositoryFilters',
    bad: "'Prod/*'",
    trigger: () => new RegistryScanning(env().stack, 'Scanning', { rules: [{ frequency: ScanFrequency.SCAN_ON_PUSH, repositoryFilters: ['Prod/*'] }] }),
  },
  {
    code: 'KIT-REGISTRY-SCAN-FILTER',
    prop: 'repositoryFilters',
    bad: '0',
    trigger: () => new RegistryScanning(env().stack, 'Scanning', { rules: [{ frequency: ScanFrequency.SCAN_ON_PUSH, repositoryFilters: [] }] }),
  },
  {
    code: 'KIT-REGISTRY-SCAN-FREQUENCY',
    prop: 'frequency',
    bad: 'CONTINUOUS_SCAN',
    trigger: () => new RegistryScanning(env().stack, 'Scanning', { scanType: RegistryScanType.BASIC, rules: [{ frequency: ScanFrequency.CONTINUOUS_SCAN }] }),
  },
  ...KIT_SERVICE_TRIGGERS,
  {
    code: 'KIT-TASK-ARCH',
    prop: 'image',
    bad: 'ARM64',
    trigger: () => {
      const image = ecs.ContainerImage.fromAsset(path.join(__dirname, '..', 'task', 'fixtures', 'image'), { platform: Platform.LINUX_ARM64 });
      new FargateTask(env().stack, 'Task', { container: { image } });
    },
  },
  {
    code: 'KIT-TASK-BRIDGE-HOST-PORT',
    prop: 'host port',
    bad: '8080',
    trigger: () => {
      const e = env();
      new Ec2Task(e.stack, 'Bridge', { networkMode: ecs.NetworkMode.BRIDGE, container: { image: IMAGE, portMappings: [{ containerPort: 80, hostPort: 8080 }] } });
      e.app.synth();
    },
  },
  { code: 'KIT-TASK-CONTAINER-ID', prop: 'addContainer id', bad: 'app', trigger: () => fargateTask(env().stack).addContainer('app', { image: IMAGE }) },
  { code: 'KIT-TASK-CPU', prop: 'cpu', bad: '1024', trigger: () => new Ec2Task(env().stack, 'Win', { windows: true, cpu: 1024, container: { image: IMAGE, memoryLimitMiB: 512 } }) },
  { code: 'KIT-TASK-EBS-SIZE', prop: 'size', bad: 'neither', trigger: () => fargateTask(env().stack).addEbsVolume('data', { containerPath: '/data' }) },
  { code: 'KIT-TASK-GRANTEE', prop: 'grantRunTask', bad: 'ServicePrincipal', trigger: () => fargateTask(env().stack).grantRunTask(new iam.ServicePrincipal('events.amazonaws.com')) },
  { code: 'KIT-TASK-JSON', prop: 'familly', bad: 'familly', trigger: () => json({ familly: 'web', containerDefinitions: [] }) },
  { code: 'KIT-TASK-JSON', prop: 'cpu', bad: 'an array', trigger: () => json({ family: 'web', cpu: [256], containerDefinitions: [] }) },
  { code: 'KIT-TASK-JSON', prop: 'nonexistent.json', bad: 'Cannot read', trigger: () => TaskDefinitionJson.fromFile(env().stack, 'Json', '/nonexistent.json') },
  {
    code: 'KIT-TASK-JSON',
    prop: 'memory',
    bad: 'an object',
    trigger: () => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-kit-json-')), 'task.json');
      fs.writeFileSync(file, JSON.stringify({ family: 'web', memory: { mib: 512 }, containerDefinitions: [] }));
      TaskDefinitionJson.fromFile(env().stack, 'Json', file);
    },
  },
  { code: 'KIT-TASK-MEMORY', prop: 'memoryMiB', bad: '4', trigger: () => new Ec2Task(env().stack, 'Task', { memoryMiB: 4, container: { image: IMAGE } }) },
];
