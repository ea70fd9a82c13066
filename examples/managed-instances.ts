/**
 * Amazon ECS Managed Instances in the example app: AWS launches, patches and
 * replaces Graviton instances picked by attributes; a queue worker runs on
 * them as a ManagedInstancesTask. The cluster's ECS action logs record the
 * deployments of this and the other services.
 */
import { Size, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { EcsCluster, ManagedInstancesCapacity, ManagedInstancesTask, WorkerService } from '../src';

/** What the example's tasks share: the image and the log settings. */
export interface ManagedInstancesExampleProps {
  readonly image: ecs.ContainerImage;
  readonly logEncryptionKey: kms.IKey;
  readonly logRetention: logs.RetentionDays;
  readonly scratchInitImage: ecs.ContainerImage;
}

/** Adds Managed Instances capacity to `cluster`, a worker service on it to `stack`, and the cluster's action logs. */
export function addManagedInstancesExample(stack: Stack, cluster: EcsCluster, props: ManagedInstancesExampleProps): ManagedInstancesCapacity {
  const capacity = cluster.addManagedInstancesCapacity('ManagedInstances', {
    // Current-generation Graviton, 2-8 vCPUs and 4-32 GiB: ECS picks the cheapest fit and packs tasks onto it.
    instanceRequirements: {
      vCpuCountMin: 2,
      vCpuCountMax: 8,
      memoryMin: Size.gibibytes(4),
      memoryMax: Size.gibibytes(32),
      cpuManufacturers: [ec2.CpuManufacturer.AWS],
      instanceGenerations: [ec2.InstanceGeneration.CURRENT],
    },
  });
  const task = new ManagedInstancesTask(stack, 'MiWorkerTask', {
    logEncryptionKey: props.logEncryptionKey,
    logRetention: props.logRetention,
    scratchInitImage: props.scratchInitImage,
    cpuArchitecture: ecs.CpuArchitecture.ARM64,
    cpu: 512,
    memoryMiB: 1024,
    enableFaultInjection: true,
    container: { image: props.image, scratchPaths: ['/tmp'] },
  });
  new WorkerService(stack, 'MiWorker', { cluster, task, managedInstancesCapacity: capacity, autoScaling: { maxCapacity: 4 } });
  cluster.enableActionLogs({ encryptionKey: props.logEncryptionKey, retention: props.logRetention });
  return capacity;
}
