/** Volume options of kit tasks: scratch bind mounts, EFS, EBS at launch, Docker volumes (EC2). */
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as iam from 'aws-cdk-lib/aws-iam';

/** An EFS volume mounted in a container. */
export interface EfsVolumeOptions {
  /** The file system. */
  readonly fileSystem: efs.IFileSystem;
  /** Where the container sees it. */
  readonly containerPath: string;
  /**
   * Access point to mount through (recommended: it enforces a POSIX user and root directory).
   * @default - no access point; the file system root (or `rootDirectory`)
   */
  readonly accessPoint?: efs.IAccessPoint;
  /**
   * Directory of the file system to mount; not allowed with an access point.
   * @default '/'
   */
  readonly rootDirectory?: string;
  /**
   * Mount read-only; the task role then gets ClientMount only.
   * @default false
   */
  readonly readOnly?: boolean;
  /**
   * The container to mount it in.
   * @default - the default (main) container
   */
  readonly container?: ecs.ContainerDefinition;
}

/** An EBS volume whose configuration the service or RunTask supplies at launch. */
export interface EbsVolumeOptions {
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

/** Lets `peer` (the service) reach the file systems' mount targets on NFS. */
export function connectFileSystems(fileSystems: readonly efs.IFileSystem[], peer: ec2.IConnectable): void {
  for (const fs of fileSystems) {
    fs.connections.allowDefaultPortFrom(peer, 'NFS from ECS tasks that mount this file system');
  }
}

const scratchNames = new WeakMap<ecs.TaskDefinition, Set<string>>();

function uniqueName(td: ecs.TaskDefinition, base: string): string {
  const taken = scratchNames.get(td) ?? new Set<string>();
  scratchNames.set(td, taken);
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base.slice(0, 250)}-${i}`;
  taken.add(name);
  return name;
}
