/**
 * Triggers of the service construct checks (KIT-SERVICE-*) that are errors: the smallest input through the public API
 * that raises each. error-triggers-kit.ts lists them with the other KIT-* triggers.
 */
import * as acmpca from 'aws-cdk-lib/aws-acmpca';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { certificate, ec2Task, env, ErrorTrigger, fargateTask, IMAGE, web } from './error-triggers';
import { Ec2Task, EcsCluster, FargateCapacity, FargateTask, NetworkLoadBalancedService, WebService, WorkerService } from '../../src';

const X86 = new ec2.InstanceType('m6i.large');
const worker = (extra: object, e = env()) => {
  return new WorkerService(e.stack, 'Worker', { cluster: e.cluster, task: fargateTask(e.stack), ...extra });
};

export const KIT_SERVICE_TRIGGERS: ErrorTrigger[] = [
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
    code: 'KIT-SERVICE-LISTENER-PORT',
    prop: 'listenerPort',
    bad: '70000',
    trigger: () => { const e = env(); new WebService(e.stack, 'Web', { cluster: e.cluster, task: fargateTask(e.stack), certificate: certificate(e.stack), listenerPort: 70000 }); },
  },
  {
    code: 'KIT-SERVICE-LISTENER-PORT',
    prop: 'listenerPort',
    bad: '0',
    trigger: () => { const e = env(); new NetworkLoadBalancedService(e.stack, 'Nlb', { cluster: e.cluster, task: fargateTask(e.stack), certificate: certificate(e.stack), listenerPort: 0 }); },
  },
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
  // Only JavaScript (or a jsii language) can leave out an additional target's priority: the service's own defaults to 50000.
  {
    code: 'KIT-SERVICE-LISTENER-RULE',
    prop: 'priority',
    bad: 'no priority',
    trigger: () => web({ additionalTargets: [{ containerPort: 8080, pathPatterns: ['/a'] } as unknown as { containerPort: number; priority: number }] }),
  },
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
  {
    code: 'KIT-SERVICE-PORT',
    prop: 'containerPort',
    bad: '5353',
    trigger: () => {
      const e = env();
      web({ task: new FargateTask(e.stack, 'Udp', { container: { image: IMAGE, portMappings: [{ containerPort: 5353, protocol: ecs.Protocol.UDP }] } }) }, e);
    },
  },
  { code: 'KIT-SERVICE-QUEUE', prop: 'maxReceiveCount', bad: '0', trigger: () => worker({ maxReceiveCount: 0 }) },
  {
    code: 'KIT-SERVICE-QUEUE',
    prop: 'queue',
    bad: 'maxReceiveCount 5',
    trigger: () => { const e = env(); new WorkerService(e.stack, 'W', { cluster: e.cluster, task: fargateTask(e.stack), queue: new sqs.Queue(e.stack, 'Q'), maxReceiveCount: 5 }); },
  },
  {
    code: 'KIT-SERVICE-QUEUE',
    prop: 'queueUrlEnvironment',
    bad: 'QUEUE_URL',
    trigger: () => {
      const e = env();
      const task = new FargateTask(e.stack, 'EnvTask', { container: { image: IMAGE, environment: { QUEUE_URL: 'https://example' } } });
      new WorkerService(e.stack, 'W', { cluster: e.cluster, task, queueUrlEnvironment: 'QUEUE_URL' });
    },
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
];
