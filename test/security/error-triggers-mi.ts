/** Triggers for the errors of Managed Instances capacity, tasks and services (ECS-MI-*, KIT-MI-* and the shared ids they reuse). */
import { CfnParameter, Duration, Size } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { env, ErrorTrigger, fargateTask, IMAGE } from './error-triggers';
import { BackendService, DaemonService, Ec2Task, EcsCluster, ManagedInstancesTask, WorkerService } from '../../src';

const mi = (options: object) => env().cluster.addManagedInstancesCapacity('MI', options);
const miTask = (e = env(), extra: object = {}) => new ManagedInstancesTask(e.stack, 'MiTask', { container: { image: IMAGE, portMappings: [{ containerPort: 8080, name: 'http' }] }, ...extra });

export const MI_TRIGGERS: ErrorTrigger[] = [
  { code: 'ECS-MI-03', prop: 'vCpuCount', bad: '8', trigger: () => mi({ instanceRequirements: { vCpuCountMin: 8, vCpuCountMax: 4, memoryMin: Size.gibibytes(1) } }) },
  { code: 'ECS-MI-03', prop: 'vCpuCount', bad: '-1', trigger: () => mi({ instanceRequirements: { vCpuCountMin: -1, memoryMin: Size.gibibytes(1) } }) },
  { code: 'ECS-MI-03', prop: 'memory', bad: '4096', trigger: () => mi({ instanceRequirements: { vCpuCountMin: 1, memoryMin: Size.gibibytes(4), memoryMax: Size.gibibytes(2) } }) },
  { code: 'ECS-MI-04', prop: 'vpcSubnets', bad: 'no subnets', trigger: () => mi({ vpcSubnets: { subnets: [] } }) },
  { code: 'ECS-CP-09', prop: 'excludedInstanceTypes', bad: 'both', trigger: () => mi({ instanceRequirements: { vCpuCountMin: 1, memoryMin: Size.gibibytes(1), allowedInstanceTypes: ['m7i.*'], excludedInstanceTypes: ['m7i.48xlarge'] } }) },
  { code: 'ECS-CP-06', prop: 'capacityProviderName', bad: "'fargate-mi'", trigger: () => mi({ capacityProviderName: 'fargate-mi' }) },
  { code: 'KIT-MI-INSTANCE-TYPES', prop: 'instanceTypes', bad: 'empty', trigger: () => mi({ instanceTypes: [] }) },
  { code: 'KIT-MI-TASK-VOLUME', prop: 'taskVolumeStorage', bad: '0 MiB', trigger: () => mi({ taskVolumeStorage: Size.gibibytes(0) }) },
  {
    code: 'KIT-MI-REQUIREMENT-UNIT',
    prop: 'memoryMin',
    bad: 'a token',
    trigger: () => {
      const e = env();
      const gib = new CfnParameter(e.stack, 'MemGiB', { type: 'Number' }).valueAsNumber;
      return e.cluster.addManagedInstancesCapacity('MI', { instanceRequirements: { vCpuCountMin: 1, memoryMin: Size.gibibytes(gib) } });
    },
  },
  { code: 'KIT-MI-OPTIMIZATION', prop: 'scaleInAfter', bad: '5 minutes', trigger: () => mi({ scaleInAfter: Duration.minutes(5), infrastructureOptimization: false }) },
  { code: 'ECS-MI-07', prop: 'scaleInAfter', bad: '7200', trigger: () => mi({ scaleInAfter: Duration.hours(2) }) },
  { code: 'KIT-MI-TASK-VOLUME', prop: 'taskVolumeStorage', bad: '1500 MiB', trigger: () => mi({ taskVolumeStorage: Size.mebibytes(1500) }) },
  { code: 'KIT-MI-INSTANCE-TYPES', prop: 'instanceTypes', bad: 'm7g.large', trigger: () => mi({ instanceTypes: [new ec2.InstanceType('m7i.large'), new ec2.InstanceType('m7g.large')] }) },
  {
    code: 'KIT-MI-INSTANCE-TYPES',
    prop: 'instanceTypes',
    bad: 'allowedInstanceTypes',
    trigger: () => mi({ instanceTypes: [new ec2.InstanceType('m7i.large')], instanceRequirements: { vCpuCountMin: 1, memoryMin: Size.gibibytes(1), allowedInstanceTypes: ['c7i.*'] } }),
  },
  { code: 'ECS-TD-08', prop: 'networkMode', bad: 'bridge', trigger: () => miTask(env(), { networkMode: ecs.NetworkMode.BRIDGE }) },
  { code: 'ECS-PM-09', prop: 'networkMode', bad: 'bridge', trigger: () => new Ec2Task(env().stack, 'T', { windows: true, networkMode: ecs.NetworkMode.BRIDGE, container: { image: IMAGE } }) },
  { code: 'ECS-TD-25', prop: 'enableFaultInjection', bad: 'bridge', trigger: () => new Ec2Task(env().stack, 'T', { networkMode: ecs.NetworkMode.BRIDGE, enableFaultInjection: true, container: { image: IMAGE } }) },
  {
    code: 'ECS-MI-06',
    prop: 'assignPublicIp',
    bad: 'true',
    trigger: () => { const e = env(); e.cluster.addManagedInstancesCapacity('MI'); new WorkerService(e.stack, 'W', { cluster: e.cluster, task: miTask(e), assignPublicIp: true }); },
  },
  {
    code: 'KIT-SERVICE-CAPACITY',
    prop: 'managedInstancesCapacity',
    bad: 'not compatible with MANAGED_INSTANCES',
    trigger: () => { const e = env(); const c = e.cluster.addManagedInstancesCapacity('MI'); new WorkerService(e.stack, 'W', { cluster: e.cluster, task: fargateTask(e.stack), managedInstancesCapacity: c }); },
  },
  {
    code: 'KIT-SERVICE-CAPACITY',
    prop: 'capacity',
    bad: 'runs on Managed Instances',
    trigger: () => { const e = env(); e.cluster.addManagedInstancesCapacity('MI'); new WorkerService(e.stack, 'W', { cluster: e.cluster, task: miTask(e), capacity: e.cluster.addEc2Capacity('Ec2') }); },
  },
  {
    code: 'KIT-SERVICE-CAPACITY',
    prop: 'managedInstancesCapacity',
    bad: '0 ManagedInstancesCapacity',
    trigger: () => { const e = env(); new WorkerService(e.stack, 'W', { cluster: e.cluster, task: miTask(e) }); },
  },
  {
    code: 'ECS-SV-05',
    prop: 'managedInstancesCapacity',
    bad: 'S/Other/MI',
    trigger: () => {
      const e = env();
      e.cluster.addManagedInstancesCapacity('MI');
      const other = new EcsCluster(e.stack, 'Other', { vpc: e.vpc });
      new WorkerService(e.stack, 'W', { cluster: e.cluster, task: miTask(e), managedInstancesCapacity: other.addManagedInstancesCapacity('MI') });
    },
  },
  {
    code: 'KIT-SERVICE-ARCH',
    prop: 'cpuArchitecture',
    bad: 'X86_64',
    trigger: () => {
      const e = env();
      const c = e.cluster.addManagedInstancesCapacity('MI', { instanceTypes: [new ec2.InstanceType('m7g.large')] });
      new BackendService(e.stack, 'B', { cluster: e.cluster, task: miTask(e), managedInstancesCapacity: c });
    },
  },
  {
    code: 'ECS-SV-07',
    prop: 'task',
    bad: 'Managed Instances',
    trigger: () => { const e = env(); e.cluster.addManagedInstancesCapacity('MI'); e.cluster.addEc2Capacity('Ec2'); new DaemonService(e.stack, 'D', { cluster: e.cluster, task: miTask(e) }); },
  },
  {
    code: 'KIT-SERVICE-PLATFORM',
    prop: 'platformVersion',
    bad: '1.4.0',
    trigger: () => { const e = env(); e.cluster.addManagedInstancesCapacity('MI'); new WorkerService(e.stack, 'W', { cluster: e.cluster, task: miTask(e), platformVersion: ecs.FargatePlatformVersion.VERSION1_4 }); },
  },
];
