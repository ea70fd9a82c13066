/** Volume options of kit tasks: scratch bind mounts, EFS, EBS at launch, Docker volumes (EC2). */
import { Annotations, Size, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { fail } from '../../errors';

/** An EFS volume mounted in a container. */
export interface EfsVolumeOptions {
  /** The file system. */
  readonly fileSystem: efs.IFileSystem;
  /** Where the container sees it. */
  readonly containerPath: string;
  /**
   * Access point to mount through (recommended: it enforces a POSIX user and root directory). The kit's containers
   * run as a non-root user, who cannot write to the root of a new file system (root-owned, mode 755; ECS-CT-26):
   * give the access point that user in `posixUser` and `createAcl`.
   * @default - no access point; the file system root (or `rootDirectory`)
   */
  readonly accessPoint?: efs.IAccessPoint;
  /**
   * Directory of the file system to mount. Not allowed with an access point.
   * @default '/'
   */
  readonly rootDirectory?: string;
  /**
   * Mount read-only. The task role then gets ClientMount only.
   * @default false
   */
  readonly readOnly?: boolean;
  /**
   * The container to mount it in.
   * @default - the default (main) container
   */
  readonly container?: ecs.ContainerDefinition;
}

/**
 * An EBS volume configured at launch: the task definition marks it
 * `configuredAtLaunch`, and every kit service running the task renders its
 * `VolumeConfigurations` with these settings and an ECS infrastructure role.
 */
export interface EbsVolumeOptions {
  /** Where the container sees it. */
  readonly containerPath: string;
  /**
   * Size of each task's volume (gp3: 1-65,536 GiB). Required unless `snapshotId` is set.
   * @default - the snapshot's size
   */
  readonly size?: Size;
  /**
   * Snapshot to create each volume from.
   * @default - an empty volume
   */
  readonly snapshotId?: string;
  /**
   * Volume type.
   * @default ec2.EbsDeviceVolumeType.GP3
   */
  readonly volumeType?: ec2.EbsDeviceVolumeType;
  /**
   * Provisioned IOPS (gp3: 3,000-80,000, required for io1/io2).
   * @default - the volume type's baseline
   */
  readonly iops?: number;
  /**
   * Throughput in MiB/s (gp3 only, up to 2,000).
   * @default - the gp3 baseline (125 MiB/s)
   */
  readonly throughput?: number;
  /**
   * Customer managed key for the volume. Volumes are always encrypted.
   * @default - the AWS managed key for EBS
   */
  readonly encryptionKey?: kms.IKey;
  /**
   * File system of the volume.
   * @default ecs.FileSystemType.XFS
   */
  readonly fileSystemType?: ecs.FileSystemType;
  /**
   * ECS infrastructure role that creates and attaches the volumes.
   * @default - a new role trusted by ecs.amazonaws.com with AmazonECSInfrastructureRolePolicyForVolumes
   */
  readonly infrastructureRole?: iam.IRole;
  /**
   * Mount read-only.
   * @default false
   */
  readonly readOnly?: boolean;
  /**
   * The container to mount it in.
   * @default - the default (main) container
   */
  readonly container?: ecs.ContainerDefinition;
}

/** A Docker volume (EC2 only). */
export interface DockerVolumeOptions {
  /** The Docker volume settings. */
  readonly configuration: ecs.DockerVolumeConfiguration;
  /** Where the container sees it. */
  readonly containerPath: string;
  /**
   * Mount read-only.
   * @default false
   */
  readonly readOnly?: boolean;
  /**
   * The container to mount it in.
   * @default - the default (main) container
   */
  readonly container?: ecs.ContainerDefinition;
}

/** ECS volume names: up to 255 of [a-zA-Z0-9_-]. */
export function volumeName(text: string): string {
  const clean = text.replace(/[^a-zA-Z0-9_-]/g, '-').replace(/-{2,}/g, '-').replace(/^-+|-+$/g, '');
  return (clean || 'volume').slice(0, 255);
}

/** Adds a task-storage bind mount at containerPath, writable. */
export function addScratch(td: ecs.TaskDefinition, container: ecs.ContainerDefinition, containerPath: string): string {
  const name = uniqueName(td, volumeName(`scratch-${container.containerName}-${containerPath}`));
  td.addVolume({ name });
  container.addMountPoints({ sourceVolume: name, containerPath, readOnly: false });
  return name;
}

/** ECS-TD-30: an EFS volume's rootDirectory other than "/" beside an access point. */
export function checkEfsVolume(path: string, name: string, options: EfsVolumeOptions): void {
  if (!options.accessPoint || options.rootDirectory === undefined || options.rootDirectory === '/') return;
  fail({
    code: 'ECS-TD-30',
    problem: `EFS volume '${name}' sets both an access point and rootDirectory '${options.rootDirectory}'`,
    path,
    allowed: 'rootDirectory unset or "/" with an access point',
    fix: `Remove rootDirectory and set the directory on the access point (fileSystem.addAccessPoint('Data', { path: '${options.rootDirectory}' })).`,
  });
}

/** ECS-TD-24: a second EBS volume configured at launch (`existing`); KIT-TASK-EBS-SIZE: one with neither size nor snapshot. */
export function checkEbsVolume(path: string, name: string, options: EbsVolumeOptions, existing?: ecs.ServiceManagedVolume): void {
  if (existing) {
    fail({
      code: 'ECS-TD-24',
      problem: `EBS volume '${name}' is added but the task already has EBS volume '${existing.name}'`,
      path,
      allowed: 'one EBS volume configured at launch per task definition',
      fix: 'Use one larger volume with several mount points, or EFS for shared storage.',
    });
  }
  if (options.size === undefined && options.snapshotId === undefined) {
    fail({
      code: 'KIT-TASK-EBS-SIZE',
      problem: `EBS volume '${name}' has neither size nor snapshotId`,
      path,
      allowed: 'size (gp3: 1-65,536 GiB), or snapshotId to take the size from',
      fix: 'Pass size, e.g. size: Size.gibibytes(20).',
    });
  }
}

/** EFS with transit encryption and IAM authorization; the task role gets ClientMount (+ ClientWrite). */
export function addEfs(td: ecs.TaskDefinition, name: string, container: ecs.ContainerDefinition, options: EfsVolumeOptions): void {
  td.addVolume({
    name,
    efsVolumeConfiguration: {
      fileSystemId: options.fileSystem.fileSystemId,
      transitEncryption: 'ENABLED',
      authorizationConfig: { iam: 'ENABLED', accessPointId: options.accessPoint?.accessPointId },
      rootDirectory: options.accessPoint ? undefined : options.rootDirectory,
    },
  });
  container.addMountPoints({ sourceVolume: name, containerPath: options.containerPath, readOnly: options.readOnly ?? false });
  const actions = ['elasticfilesystem:ClientMount', ...(options.readOnly ? [] : ['elasticfilesystem:ClientWrite'])];
  td.taskRole.addToPrincipalPolicy(new iam.PolicyStatement({
    actions,
    resources: [options.fileSystem.fileSystemArn],
    conditions: options.accessPoint
      ? { StringEquals: { 'elasticfilesystem:AccessPointArn': options.accessPoint.accessPointArn } }
      : undefined,
  }));
}

/**
 * Lets `peer` (the service) reach the file systems' mount targets on NFS. Opened from the service's side: with the file
 * system in another stack, the ingress rule then lives in the service's stack (aws-cdk-lib puts a remote rule with its
 * peer), so only the service's stack refers to the file system's and no cycle arises; in one stack the rules are the same.
 */
export function connectFileSystems(fileSystems: readonly efs.IFileSystem[], peer: ec2.IConnectable): void {
  if (fileSystems.length === 0) return;
  // allowTo also writes the peer's egress, which a group that allows all outbound does not need: aws-cdk-lib drops it with a
  // warning the user cannot act on. Acknowledged on those groups only; groups added to the peer later keep allowTo's rules.
  for (const sg of peer.connections.securityGroups) {
    if (sg.allowAllOutbound) Annotations.of(sg).acknowledgeWarning(IGNORED_EGRESS, 'The group allows all outbound traffic: egress rules on it are not needed.');
  }
  for (const fs of fileSystems) {
    peer.connections.allowTo(fs, fs.connections.defaultPort ?? ec2.Port.tcp(2049), 'NFS from ECS tasks that mount this file system');
  }
}

/** aws-cdk-lib's warning for an egress rule on a group that allows all outbound. */
const IGNORED_EGRESS = '@aws-cdk/aws-ec2:ipv4IgnoreEgressRule';

const scratchNames = new WeakMap<ecs.TaskDefinition, Set<string>>();

function uniqueName(td: ecs.TaskDefinition, base: string): string {
  const taken = scratchNames.get(td) ?? new Set<string>();
  scratchNames.set(td, taken);
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base.slice(0, 250)}-${i}`;
  taken.add(name);
  return name;
}

/**
 * The aws-cdk-lib service-managed EBS volume: encrypted gp3 by default, with
 * an ECS infrastructure role (ecs.amazonaws.com, AmazonECSInfrastructureRolePolicyForVolumes).
 */
export function createEbsVolume(scope: Construct, name: string, options: EbsVolumeOptions): ecs.ServiceManagedVolume {
  const volume = new ecs.ServiceManagedVolume(scope, `EbsVolume${name}`, {
    name,
    managedEBSVolume: {
      role: options.infrastructureRole,
      size: options.size,
      snapShotId: options.snapshotId,
      volumeType: options.volumeType ?? ec2.EbsDeviceVolumeType.GP3,
      iops: options.iops,
      throughput: options.throughput,
      encrypted: true,
      kmsKeyId: options.encryptionKey,
      fileSystemType: options.fileSystemType,
      tagSpecifications: [{ propagateTags: ecs.EbsPropagatedTagSource.SERVICE }],
    },
  });
  if (!options.infrastructureRole) {
    Validations.of(volume.role).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonECSInfrastructureRolePolicyForVolumes]',
      reason: 'AWS documents this AWS-maintained policy for the ECS infrastructure role that creates and attaches task EBS volumes.',
    });
  }
  return volume;
}
