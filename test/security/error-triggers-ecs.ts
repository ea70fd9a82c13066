/**
 * A trigger for each rule id (ECS-*) a construct throws at construction:
 * the construct reports the check the rule would make on the template,
 * earlier and with the construct path.
 */
import { Duration, Size } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { ec2Task, env, ErrorTrigger, fargateTask, IMAGE, web } from './error-triggers';
import { EXPRESS_TRIGGERS } from './error-triggers-express';
import {
  BackendService, DaemonService, Ec2Task, EcsCluster, FargateCapacity, FargateSize, FargateTask, RegistryScanning, ScanFrequency, ScheduledJob,
  SecureRepository, ServiceDeployment, WebService, WorkerService,
} from '../../src';

const capacity = (options: object) => env().cluster.addEc2Capacity('Ec2', options);
const strategy = (s: ecs.CapacityProviderStrategy[]) => env().cluster.useDefaultCapacityProviderStrategy(s);
const healthCheck = (hc: Partial<ecs.HealthCheck>) => new FargateTask(env().stack, 'Task', { container: { image: IMAGE, healthCheck: { command: ['CMD', 'true'], ...hc } } });
const repo = (props: object) => new SecureRepository(env().stack, 'Repo', props);
/** An env with EC2 capacity and a service on it built with `extra`. */
const onEc2 = (extra: object, daemon = false) => {
  const e = env();
  e.cluster.addEc2Capacity('Ec2');
  const props = { cluster: e.cluster, task: ec2Task(e.stack), ...extra };
  return daemon ? new DaemonService(e.stack, 'D', props) : new WorkerService(e.stack, 'W', props);
};

export const ECS_TRIGGERS: ErrorTrigger[] = [
  { code: 'ECS-CP-01', prop: 'targetCapacityPercent', bad: '101', trigger: () => capacity({ targetCapacityPercent: 101 }) },
  { code: 'ECS-CP-02', prop: 'minimumScalingStepSize', bad: '0', trigger: () => capacity({ minimumScalingStepSize: 0 }) },
  { code: 'ECS-CP-02', prop: 'minimumScalingStepSize', bad: '5', trigger: () => capacity({ minimumScalingStepSize: 5, maximumScalingStepSize: 4 }) },
  { code: 'ECS-CP-03', prop: 'instanceWarmupPeriod', bad: '20000', trigger: () => capacity({ instanceWarmupPeriod: Duration.seconds(20_000) }) },
  { code: 'ECS-CP-06', prop: 'capacityProviderName', bad: "'ecs-mine'", trigger: () => capacity({ capacityProviderName: 'ecs-mine' }) },
  { code: 'ECS-CT-05', prop: 'interval', bad: '301', trigger: () => healthCheck({ interval: Duration.seconds(301) }) },
  { code: 'ECS-CT-06', prop: 'timeout', bad: '1', trigger: () => healthCheck({ timeout: Duration.seconds(1) }) },
  { code: 'ECS-CT-07', prop: 'retries', bad: '11', trigger: () => healthCheck({ retries: 11 }) },
  { code: 'ECS-CT-08', prop: 'startPeriod', bad: '301', trigger: () => healthCheck({ startPeriod: Duration.seconds(301) }) },
  {
    code: 'ECS-PM-01',
    prop: 'hostPort',
    bad: '80',
    trigger: () => new FargateTask(env().stack, 'Task', { container: { image: IMAGE, portMappings: [{ containerPort: 8080, hostPort: 80 }] } }),
  },
  { code: 'KIT-TASK-HEALTH-CHECK-TIMEOUT', prop: 'timeout', bad: '10s', trigger: () => healthCheck({ interval: Duration.seconds(5), timeout: Duration.seconds(10) }) },
  { code: 'ECS-CT-09', prop: 'command', bad: '[]', trigger: () => new FargateTask(env().stack, 'Task', { container: { image: IMAGE, healthCheck: { command: [] } } }) },
  { code: 'ECS-CT-15', prop: 'privileged', bad: 'true', trigger: () => new FargateTask(env().stack, 'Task', { container: { image: IMAGE, privileged: true } }) },
  { code: 'ECS-ER-01', prop: 'repositoryName', bad: "'My_Repo'", trigger: () => repo({ repositoryName: 'My_Repo' }) },
  { code: 'ECS-ER-02', prop: 'mutableTags', bad: "'v1+build'", trigger: () => repo({ mutableTags: ['latest', 'v1+build'] }) },
  { code: 'ECS-ER-02', prop: 'mutableTags', bad: '6', trigger: () => repo({ mutableTags: ['a', 'b', 'c', 'd', 'e', 'f'] }) },
  { code: 'ECS-ER-08', prop: 'untaggedImageExpiration', bad: '1 day 12 hours', trigger: () => repo({ untaggedImageExpiration: Duration.hours(36) }) },
  { code: 'ECS-ER-08', prop: 'maxTaggedImages', bad: '0', trigger: () => repo({ maxTaggedImages: 0 }) },
  {
    code: 'ECS-ER-19',
    prop: 'rules',
    bad: '3',
    trigger: () => new RegistryScanning(env().stack, 'Scanning', {
      rules: ['a/*', 'b/*', 'c/*'].map((f) => ({ frequency: ScanFrequency.SCAN_ON_PUSH, repositoryFilters: [f] })),
    }),
  },
  {
    code: 'ECS-RC-07',
    prop: 'priority',
    bad: '10',
    trigger: () => {
      const e = env();
      const first = web({ additionalTargets: [{ containerPort: 8080, priority: 10, pathPatterns: ['/a'] }] }, e);
      new WebService(e.stack, 'Web2', { cluster: e.cluster, task: fargateTask(e.stack, 'T2'), listener: first.listener, priority: 10, pathPatterns: ['/b'] });
    },
  },
  { code: 'ECS-SC-01', prop: 'cloudMapNamespace', bad: 'not set', trigger: () => { const e = env(); new BackendService(e.stack, 'B', { cluster: e.cluster, task: fargateTask(e.stack, 'T', 9090, 'api') }); } },
  {
    code: 'ECS-SC-02',
    prop: 'port mapping',
    bad: '8080',
    trigger: () => {
      const e = env();
      e.cluster.cluster.addDefaultCloudMapNamespace({ name: 'internal', useForServiceConnect: true });
      new BackendService(e.stack, 'B', { cluster: e.cluster, task: fargateTask(e.stack) });
    },
  },
  {
    code: 'ECS-SC-02',
    prop: 'portMappingName',
    bad: "'web'",
    trigger: () => {
      const e = env();
      e.cluster.cluster.addDefaultCloudMapNamespace({ name: 'internal', useForServiceConnect: true });
      new BackendService(e.stack, 'B', { cluster: e.cluster, task: fargateTask(e.stack, 'T', 9090, 'api'), serviceConnect: { portMappingName: 'web' } });
    },
  },
  { code: 'ECS-TD-29', prop: 'cpu', bad: '64', trigger: () => new Ec2Task(env().stack, 'Big', { cpu: 64, container: { image: IMAGE } }) },
  {
    code: 'ECS-TD-21',
    prop: 'essential',
    bad: 'false',
    trigger: () => {
      const e = env();
      e.cluster.cluster.addDefaultCloudMapNamespace({ name: 'internal', useForServiceConnect: true });
      const task = new FargateTask(e.stack, 'T', { container: { image: IMAGE, essential: false, portMappings: [{ containerPort: 8080, name: 'api' }] } });
      new BackendService(e.stack, 'B', { cluster: e.cluster, task });
    },
  },
  {
    code: 'ECS-SC-13',
    prop: 'Service Connect',
    bad: 'runs Windows',
    trigger: () => {
      const e = env();
      e.cluster.cluster.addDefaultCloudMapNamespace({ name: 'internal', useForServiceConnect: true });
      const task = new FargateTask(e.stack, 'T', {
        operatingSystemFamily: ecs.OperatingSystemFamily.WINDOWS_SERVER_2022_CORE,
        size: FargateSize.windows(1024, 2048),
        container: { image: IMAGE, portMappings: [{ containerPort: 8080, name: 'api' }] },
      });
      new BackendService(e.stack, 'B', { cluster: e.cluster, task });
    },
  },
  { code: 'ECS-SV-02', prop: 'base', bad: '2 providers', trigger: () => strategy([{ capacityProvider: 'FARGATE', base: 1, weight: 1 }, { capacityProvider: 'FARGATE_SPOT', base: 1, weight: 1 }]) },
  { code: 'ECS-SV-03', prop: 'defaultCapacityProviderStrategy', bad: '[]', trigger: () => strategy([]) },
  { code: 'ECS-SV-03', prop: 'weight', bad: '1001', trigger: () => strategy([{ capacityProvider: 'FARGATE', weight: 1001 }]) },
  { code: 'ECS-SV-03', prop: 'base', bad: '100001', trigger: () => strategy([{ capacityProvider: 'FARGATE', weight: 1, base: 100_001 }]) },
  { code: 'ECS-SV-03', prop: 'weight', bad: 'FARGATE 0', trigger: () => strategy([{ capacityProvider: 'FARGATE', weight: 0 }]) },
  { code: 'ECS-SV-03', prop: 'weight', bad: '1001', trigger: () => web({ fargateCapacity: FargateCapacity.spotWithOnDemandBase({ spotWeight: 1001 }) }) },
  { code: 'ECS-SV-03', prop: 'fargateCapacity', bad: 'FARGATE_SPOT 0', trigger: () => web({ fargateCapacity: FargateCapacity.spotWithOnDemandBase({ spotWeight: 0 }) }) },
  {
    code: 'ECS-SV-04',
    prop: 'defaultCapacityProviderStrategy',
    bad: 'FARGATE',
    trigger: () => {
      const e = env();
      const c = e.cluster.addEc2Capacity('Ec2');
      e.cluster.useDefaultCapacityProviderStrategy([{ capacityProvider: 'FARGATE', weight: 1 }, { capacityProvider: c.capacityProviderName, weight: 1 }]);
    },
  },
  { code: 'ECS-SV-05', prop: 'capacityProvider', bad: 'MISSING', trigger: () => strategy([{ capacityProvider: 'MISSING', weight: 1 }]) },
  {
    code: 'ECS-SV-05',
    prop: 'capacity',
    bad: 'S/Other/Ec2',
    trigger: () => {
      const e = env();
      const other = new EcsCluster(e.stack, 'Other', { vpc: e.vpc }).addEc2Capacity('Ec2');
      e.cluster.addEc2Capacity('Ec2');
      new WorkerService(e.stack, 'W', { cluster: e.cluster, task: ec2Task(e.stack), capacity: other });
    },
  },
  {
    code: 'ECS-SV-05',
    prop: 'capacity',
    bad: 'S/Kit/Ec2',
    trigger: () => {
      const e = env();
      const plain = new ecs.Cluster(e.stack, 'Plain', { vpc: e.vpc });
      const kitCapacity = new EcsCluster(e.stack, 'Kit', { vpc: e.vpc }).addEc2Capacity('Ec2');
      new WorkerService(e.stack, 'W', { cluster: plain, task: ec2Task(e.stack), capacity: kitCapacity });
    },
  },
  { code: 'ECS-DP-03', prop: 'deployment', bad: 'LINEAR', trigger: () => onEc2({ deployment: ServiceDeployment.linear() }) },
  { code: 'ECS-SV-14', prop: 'bakeTime', bad: '1441', trigger: () => web({ deployment: ServiceDeployment.blueGreen({ bakeTime: Duration.minutes(1441) }) }) },
  { code: 'ECS-SV-14', prop: 'stepBakeTime', bad: '1 minute 30 seconds', trigger: () => web({ deployment: ServiceDeployment.canary({ stepBakeTime: Duration.seconds(90) }) }) },
  { code: 'ECS-SV-14', prop: 'stepPercent', bad: '2', trigger: () => web({ deployment: ServiceDeployment.linear({ stepPercent: 2 }) }) },
  { code: 'ECS-SV-15', prop: 'forceNewDeployment', bad: '256', trigger: () => web({ forceNewDeployment: 'x'.repeat(256) }) },
  { code: 'ECS-SV-07', prop: 'task', bad: 'Fargate', trigger: () => { const e = env(); new DaemonService(e.stack, 'D', { cluster: e.cluster, task: fargateTask(e.stack) }); } },
  { code: 'ECS-SV-07', prop: 'maxHealthyPercent', bad: '200', trigger: () => onEc2({ maxHealthyPercent: 200 }, true) },
  { code: 'ECS-SV-19', prop: 'assignPublicIp', bad: 'true', trigger: () => { const e = env(); e.cluster.addEc2Capacity('Ec2'); new WorkerService(e.stack, 'W', { cluster: e.cluster, task: ec2Task(e.stack, 'T', ecs.NetworkMode.AWS_VPC), assignPublicIp: true }); } },
  {
    code: 'ECS-SV-19',
    prop: 'assignPublicIp',
    bad: 'true',
    trigger: () => {
      const e = env();
      e.cluster.addEc2Capacity('Ec2');
      new ScheduledJob(e.stack, 'Job', {
        cluster: e.cluster, task: ec2Task(e.stack, 'T', ecs.NetworkMode.AWS_VPC), schedule: scheduler.ScheduleExpression.rate(Duration.hours(1)), assignPublicIp: true,
      });
    },
  },
  {
    code: 'ECS-SV-21',
    prop: 'additionalTargets',
    bad: '6',
    trigger: () => web({ additionalTargets: [1, 2, 3, 4, 5].map((i) => ({ containerPort: 8080, priority: i, pathPatterns: [`/p${i}`] })) }),
  },
  { code: 'ECS-SV-24', prop: 'serviceName', bad: "'web service'", trigger: () => web({ serviceName: 'web service' }) },
  { code: 'ECS-SV-26', prop: 'maxHealthyPercent', bad: '100', trigger: () => web({ availabilityZoneRebalancing: true, minHealthyPercent: 50, maxHealthyPercent: 100 }) },
  { code: 'ECS-SV-30', prop: 'clusterName', bad: "'my cluster'", trigger: () => env({ clusterName: 'my cluster' }) },
  { code: 'ECS-SV-31', prop: 'assignPublicIp', bad: 'S/Vpc/PublicSubnet1', trigger: () => web({ vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC } }) },
  { code: 'ECS-TD-01', prop: 'cpu', bad: '99999', path: 'FargateSize.smallestFor', trigger: () => FargateSize.smallestFor({ cpu: 99_999, memoryMiB: 512 }) },
  { code: 'ECS-TD-06', prop: 'ephemeralStorageGiB', bad: '10', trigger: () => new FargateTask(env().stack, 'Task', { container: { image: IMAGE }, ephemeralStorageGiB: 10 }) },
  {
    code: 'ECS-TD-02',
    prop: 'size',
    bad: '2048 MiB',
    trigger: () => new FargateTask(env().stack, 'Task', {
      size: FargateSize.of(1024, 2048), operatingSystemFamily: ecs.OperatingSystemFamily.WINDOWS_SERVER_2019_CORE, container: { image: IMAGE },
    }),
  },
  {
    code: 'ECS-TD-14',
    prop: 'cpu architecture',
    bad: 'ARM64',
    trigger: () => new FargateTask(env().stack, 'Task', { size: FargateSize.windows(1024, 2048), cpuArchitecture: ecs.CpuArchitecture.ARM64, container: { image: IMAGE } }),
  },
  {
    code: 'ECS-CT-13',
    prop: 'depends on container',
    bad: "'app' of another task definition",
    trigger: () => {
      const e = env();
      const a = new FargateTask(e.stack, 'A', { container: { image: IMAGE } });
      const b = new FargateTask(e.stack, 'B', { container: { image: IMAGE } });
      a.defaultContainer.addContainerDependencies({ container: b.defaultContainer });
      e.app.synth();
    },
  },
  {
    code: 'ECS-TD-18',
    prop: 'memory',
    bad: '510 MiB',
    trigger: () => {
      const e = env();
      fargateTask(e.stack).addContainer('big', { image: IMAGE, memoryLimitMiB: 510 });
      e.app.synth();
    },
  },
  {
    code: 'ECS-TD-30',
    prop: 'rootDirectory',
    bad: "'/x'",
    trigger: () => {
      const fileSystem = { fileSystemId: 'fs-1', fileSystemArn: 'arn', connections: undefined } as any;
      new FargateTask(env().stack, 'Task', { container: { image: IMAGE } })
        .addEfsVolume('d', { fileSystem, accessPoint: { accessPointId: 'fsap-1' } as any, rootDirectory: '/x', containerPath: '/d' });
    },
  },
  {
    code: 'ECS-TD-24',
    prop: 'EBS volume',
    bad: "'logs'",
    trigger: () => {
      const task = fargateTask(env().stack);
      task.addEbsVolume('data', { containerPath: '/data', size: Size.gibibytes(20) });
      task.addEbsVolume('logs', { containerPath: '/logs', size: Size.gibibytes(20) });
    },
  },
  {
    code: 'ECS-SV-20',
    prop: 'additionalSecurityGroups',
    bad: '5 security groups',
    trigger: () => {
      const e = env();
      const groups = [1, 2, 3, 4, 5].map((i) => new ec2.SecurityGroup(e.stack, `G${i}`, { vpc: e.cluster.vpc }));
      return new WorkerService(e.stack, 'W', { cluster: e.cluster, task: fargateTask(e.stack), additionalSecurityGroups: groups });
    },
  },
  ...EXPRESS_TRIGGERS,
];
