/**
 * A trigger for each construct-only check (KIT-*) that is an error: the
 * smallest input through the public API that raises it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Duration, Size } from 'aws-cdk-lib';
import * as acmpca from 'aws-cdk-lib/aws-acmpca';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Platform } from 'aws-cdk-lib/aws-ecr-assets';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { certificate, ec2Task, env, ErrorTrigger, fargateTask, IMAGE, web } from './error-triggers';
import {
  Ec2CapacityImage, Ec2Task, EcsCluster, FargateCapacity, FargateSize, FargateTask, NetworkLoadBalancedService, PullThroughCacheRule,
  RegistryReplication,
  RegistryScanning, RegistryScanType, ScanFrequency, ScheduledJob, SecureRepository, ServiceFleet, ServiceFleetProps,
  TaskDefinitionJson, UpstreamRegistry, WebService, WorkerService,
} from '../../src';

const HOURLY = scheduler.ScheduleExpression.rate(Duration.hours(1));
const ARM = new ec2.InstanceType('m7g.large');
const X86 = new ec2.InstanceType('m6i.large');
const capacity = (options: object) => env().cluster.addEc2Capacity('Ec2', options);
const job = (extra: object) => {
  const e = env();
  return new ScheduledJob(e.stack, 'Job', { cluster: e.cluster, task: fargateTask(e.stack), schedule: HOURLY, ...extra });
};
const worker = (extra: object, e = env()) => {
  return new WorkerService(e.stack, 'Worker', { cluster: e.cluster, task: fargateTask(e.stack), ...extra });
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
  { code: 'KIT-REGISTRY-GRANTEE', prop: 'grantee', bad: 'ecs-tasks.amazonaws.com', trigger: () => repo().pullPolicy(new iam.ServicePrincipal('ecs-tasks.amazonaws.com')) },
  { code: 'KIT-REGISTRY-IMAGE-DIGEST', prop: 'digest', bad: "'sha256:abc'", trigger: () => repo().imageForDigest('sha256:abc') },
  { code: 'KIT-REGISTRY-IMAGE-TAG', prop: 'tag', bad: "'-bad'", trigger: () => repo().imageForTag('-bad') },
  { code: 'KIT-REGISTRY-LIFECYCLE', prop: 'lifecycleRules', bad: 'maxTaggedImages', trigger: () => repo({ lifecycleRules: [{ maxImageCount: 5 }], maxTaggedImages: 3 }) },
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
  {
    code: 'KIT-SERVICE-ARCH',
    prop: 'capacity',
    bad: 'ARM64',
    trigger: () => {
      const e = env();
      e.cluster.addEc2Capacity('Ec2', { instanceTypes: [X86] });
      new WorkerService(e.stack, 'Worker', { cluster: e.cluster, task: ec2Task(e.stack, 'Ec2Task', ecs.NetworkMode.AWS_VPC, ecs.CpuArchitecture.ARM64) });
    },
  },
  {
    code: 'KIT-SERVICE-OS',
    prop: 'capacity',
    bad: 'Windows',
    trigger: () => {
      const e = env();
      e.cluster.addEc2Capacity('Ec2', { instanceTypes: [X86] });
      new WorkerService(e.stack, 'Worker', {
        cluster: e.cluster,
        task: new Ec2Task(e.stack, 'WinTask', { windows: true, networkMode: ecs.NetworkMode.AWS_VPC, container: { image: IMAGE, memoryLimitMiB: 512 } }),
      });
    },
  },
  {
    code: 'KIT-SERVICE-BACKLOG-METRIC',
    prop: 'Container Insights',
    bad: 'disabled',
    trigger: () => {
      const e = env({ containerInsights: ecs.ContainerInsights.DISABLED });
      new WorkerService(e.stack, 'Worker', { cluster: e.cluster, task: fargateTask(e.stack), autoScaling: { maxCapacity: 5 } });
      e.app.synth();
    },
  },
  { code: 'KIT-SERVICE-CAPACITY', prop: 'capacity', bad: '0 Ec2Capacity', trigger: () => { const e = env(); new WorkerService(e.stack, 'W', { cluster: e.cluster, task: ec2Task(e.stack) }); } },
  {
    code: 'KIT-SERVICE-CAPACITY',
    prop: 'fargateCapacity',
    bad: 'runs on EC2',
    trigger: () => {
      const e = env();
      e.cluster.addEc2Capacity('Ec2');
      new WorkerService(e.stack, 'W', { cluster: e.cluster, task: ec2Task(e.stack), fargateCapacity: FargateCapacity.onDemand() });
    },
  },
  {
    code: 'KIT-SERVICE-CAPACITY',
    prop: 'capacity',
    bad: 'runs on Fargate',
    trigger: () => {
      const e = env();
      new WorkerService(e.stack, 'W', { cluster: e.cluster, task: fargateTask(e.stack), capacity: e.cluster.addEc2Capacity('Ec2') });
    },
  },
  { code: 'KIT-SERVICE-CERTIFICATE', prop: 'certificate', bad: 'not set', trigger: () => { const e = env(); new WebService(e.stack, 'Web', { cluster: e.cluster, task: fargateTask(e.stack) }); } },
  {
    code: 'KIT-SERVICE-CERTIFICATE',
    prop: 'certificate',
    bad: 'not set',
    trigger: () => { const e = env(); new NetworkLoadBalancedService(e.stack, 'Nlb', { cluster: e.cluster, task: fargateTask(e.stack) }); },
  },
  {
    code: 'KIT-SERVICE-CLUSTER',
    prop: 'cluster',
    bad: 'S/Imported',
    trigger: () => {
      const e = env();
      const cluster = ecs.Cluster.fromClusterArn(e.stack, 'Imported', 'arn:aws:ecs:eu-west-1:111111111111:cluster/other');
      new WorkerService(e.stack, 'W', { cluster, task: fargateTask(e.stack) });
    },
  },
  { code: 'KIT-SERVICE-COUNT', prop: 'desiredCount', bad: '-1', trigger: () => web({ desiredCount: -1 }) },
  {
    code: 'KIT-SERVICE-CONNECT-TLS',
    prop: 'serviceConnect.tls',
    bad: 'client mode',
    trigger: () => {
      const e = env({ defaultCloudMapNamespace: { name: 'internal' } });
      const ca = acmpca.CertificateAuthority.fromCertificateAuthorityArn(e.stack, 'Ca', 'arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/1');
      return new WorkerService(e.stack, 'W', { cluster: e.cluster, task: fargateTask(e.stack), serviceConnect: { tls: { certificateAuthority: ca } } });
    },
  },
  { code: 'KIT-SERVICE-COUNT', prop: 'maxCapacity', bad: '0', trigger: () => web({ autoScaling: { maxCapacity: 0 } }) },
  { code: 'KIT-SERVICE-DESIRED-COUNT', prop: 'desiredCount', bad: '3', trigger: () => web({ desiredCount: 3, autoScaling: { maxCapacity: 5 } }) },
  { code: 'KIT-SERVICE-EXEC', prop: 'enableExecuteCommand', bad: 'true', trigger: () => web({ enableExecuteCommand: true }) },
  {
    code: 'KIT-SERVICE-LISTENER-RULE',
    prop: 'priority',
    bad: 'not set',
    trigger: () => {
      const e = env();
      const first = web({}, e);
      new WebService(e.stack, 'Web2', { cluster: e.cluster, task: fargateTask(e.stack, 'T2'), listener: first.listener });
    },
  },
  { code: 'KIT-SERVICE-LISTENER-RULE', prop: 'additionalTargets[0]', bad: 'no hostHeaders or pathPatterns', trigger: () => web({ additionalTargets: [{ containerPort: 8080, priority: 1 }] }) },
  { code: 'KIT-SERVICE-LISTENER-RULE', prop: 'priority', bad: 'no priority', trigger: () => web({ pathPatterns: ['/a'] }) },
  { code: 'KIT-SERVICE-LISTENER-RULE', prop: 'priority', bad: '60000', trigger: () => web({ additionalTargets: [{ containerPort: 8080, priority: 60000, pathPatterns: ['/a'] }] }) },
  {
    code: 'KIT-SERVICE-NETWORK-MODE',
    prop: 'securityGroup',
    bad: 'bridge',
    trigger: () => {
      const e = env();
      e.cluster.addEc2Capacity('Ec2');
      new WorkerService(e.stack, 'W', { cluster: e.cluster, task: ec2Task(e.stack), securityGroup: new ec2.SecurityGroup(e.stack, 'Sg', { vpc: e.vpc }) });
    },
  },
  { code: 'KIT-SERVICE-PERCENT', prop: 'minHealthyPercent', bad: '150', trigger: () => web({ minHealthyPercent: 150 }) },
  {
    code: 'KIT-SERVICE-PLATFORM',
    prop: 'platformVersion',
    bad: 'LATEST',
    trigger: () => {
      const e = env();
      e.cluster.addEc2Capacity('Ec2');
      new WorkerService(e.stack, 'W', { cluster: e.cluster, task: ec2Task(e.stack), platformVersion: ecs.FargatePlatformVersion.LATEST });
    },
  },
  {
    code: 'KIT-SERVICE-LISTENER-PEER',
    prop: 'listenerPeer',
    bad: 'not set',
    trigger: () => {
      const e = env();
      const vpc = ec2.Vpc.fromVpcAttributes(e.stack, 'NoCidr', {
        vpcId: 'vpc-12345678', availabilityZones: ['eu-west-1a', 'eu-west-1b'], privateSubnetIds: ['subnet-aaaa1111', 'subnet-bbbb2222'],
      });
      web({}, { ...e, cluster: new EcsCluster(e.stack, 'NoCidrCluster', { vpc }) });
    },
  },
  {
    code: 'KIT-SERVICE-LB-SUBNETS',
    prop: 'internetFacing',
    bad: 'true',
    trigger: () => {
      const e = env();
      const vpc = new ec2.Vpc(e.stack, 'IsolatedOnly', { maxAzs: 2, subnetConfiguration: [{ name: 'app', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
      web({ internetFacing: true }, { ...e, cluster: new EcsCluster(e.stack, 'IsolatedCluster', { vpc }) });
    },
  },
  { code: 'KIT-SERVICE-PORT', prop: 'containerPort', bad: '9999', trigger: () => web({ containerPort: 9999 }) },
  {
    code: 'KIT-SERVICE-PORT',
    prop: 'containerPort',
    bad: 'not set',
    trigger: () => { const e = env(); web({ task: new FargateTask(e.stack, 'NoPort', { container: { image: IMAGE } }) }, e); },
  },
  { code: 'KIT-SERVICE-QUEUE', prop: 'maxReceiveCount', bad: '0', trigger: () => worker({ maxReceiveCount: 0 }) },
  {
    code: 'KIT-SERVICE-QUEUE',
    prop: 'queue',
    bad: 'maxReceiveCount 5',
    trigger: () => { const e = env(); new WorkerService(e.stack, 'W', { cluster: e.cluster, task: fargateTask(e.stack), queue: new sqs.Queue(e.stack, 'Q'), maxReceiveCount: 5 }); },
  },
  { code: 'KIT-SERVICE-SCALING', prop: 'requestsPerTarget', bad: '100', trigger: () => web({ requestsPerTarget: 100 }) },
  { code: 'KIT-SERVICE-SCALING', prop: 'targetCpuPercent', bad: '0', trigger: () => web({ autoScaling: { maxCapacity: 5, targetCpuPercent: 0 } }) },
  { code: 'KIT-SERVICE-SCALING', prop: 'targetCpuPercent', bad: '50', trigger: () => web({ autoScaling: { maxCapacity: 5, targetCpuPercent: 50, scaleOnCpu: false } }) },
  { code: 'KIT-SERVICE-SCALING', prop: 'backlogPerTask', bad: '0', trigger: () => worker({ backlogPerTask: 0, autoScaling: { maxCapacity: 5 } }) },
  {
    code: 'KIT-SERVICE-SCALING',
    prop: 'backlogPerTask',
    bad: '20',
    trigger: () => worker({ backlogPerTask: 20, scaleOnBacklog: false, autoScaling: { maxCapacity: 5 } }),
  },
  { code: 'KIT-SERVICE-TASK', prop: 'taskDefinition', bad: 'neither', trigger: () => { const e = env(); new WorkerService(e.stack, 'W', { cluster: e.cluster }); } },
  {
    code: 'KIT-SERVICE-TASK',
    prop: 'taskDefinition',
    bad: 'both',
    trigger: () => { const e = env(); const task = fargateTask(e.stack); new WorkerService(e.stack, 'W', { cluster: e.cluster, task, taskDefinition: task.taskDefinition }); },
  },
  {
    code: 'KIT-SERVICE-TASK',
    prop: 'task',
    bad: 'S/NotATask',
    // Reachable from JavaScript, where props are not type-checked (a TaskDefinitionJson passed as task).
    trigger: () => { const e = env(); new WorkerService(e.stack, 'W', { cluster: e.cluster, task: new Construct(e.stack, 'NotATask') as unknown as FargateTask }); },
  },
  {
    code: 'KIT-SERVICE-TASK',
    prop: 'compatibility',
    bad: 'EXTERNAL',
    trigger: () => {
      const e = env();
      const taskDefinition = new ecs.ExternalTaskDefinition(e.stack, 'External');
      taskDefinition.addContainer('app', { image: IMAGE, memoryLimitMiB: 512 });
      new WorkerService(e.stack, 'W', { cluster: e.cluster, taskDefinition });
    },
  },
  {
    code: 'KIT-SERVICE-TASK',
    prop: 'task definition',
    bad: 'imported',
    trigger: () => {
      const e = env();
      // Reachable from JavaScript, where props are not type-checked (e.g. a TaskDefinitionJson's imported taskDefinition).
      const taskDefinition = ecs.FargateTaskDefinition.fromFargateTaskDefinitionArn(e.stack, 'Imported', 'arn:aws:ecs:eu-west-1:111111111111:task-definition/web:1');
      new WebService(e.stack, 'Web', { cluster: e.cluster, taskDefinition: taskDefinition as ecs.TaskDefinition, certificate: certificate(e.stack) });
    },
  },
  {
    code: 'KIT-SERVICE-TASK',
    prop: 'task definition',
    bad: 'no essential container',
    trigger: () => {
      const e = env();
      new WebService(e.stack, 'Web', { cluster: e.cluster, taskDefinition: new ecs.FargateTaskDefinition(e.stack, 'Empty'), certificate: certificate(e.stack) });
    },
  },
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
  { code: 'KIT-TASK-EBS-SIZE', prop: 'size', bad: 'neither', trigger: () => fargateTask(env().stack).addEbsVolume('data', { containerPath: '/data' }) },
  {
    code: 'KIT-TASK-EFS-ROOT',
    prop: 'rootDirectory',
    bad: "'/x'",
    trigger: () => {
      const fileSystem = { fileSystemId: 'fs-1', fileSystemArn: 'arn', connections: undefined } as any;
      fargateTask(env().stack).addEfsVolume('d', { fileSystem, accessPoint: { accessPointId: 'fsap-1' } as any, rootDirectory: '/x', containerPath: '/d' });
    },
  },
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
