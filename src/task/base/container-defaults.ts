/**
 * Container defaults that pass the compliance packs: awslogs to the task's
 * log group, read-only root filesystem, a non-root user, container memory set,
 * non-privileged. Each is overridable per container.
 */
import { Annotations, Token } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { IConstruct } from 'constructs';
import { TaskContainerOptions } from './container-options';
import { validateHealthCheck } from './health-check';
import { defaultUserFor } from './image-user';
import { fail } from '../../errors';
import { assetImagePlatform, cpuArchitectureName } from '../../internal/cdk-internals';
import { formatMessage } from '../../rules/engine';

export type { TaskContainerOptions } from './container-options';

/** What container defaults depend on. */
export interface ContainerContext {
  readonly path: string;
  readonly logGroup: logs.ILogGroup;
  readonly isFargate: boolean;
  readonly isWindows: boolean;
  readonly readonlyDefault: boolean;
  /** Memory when none is given: a number, a lazily computed token, or none (the task's memory is a token). */
  readonly defaultMemoryMiB?: number;
  /**
   * Task memory known at synth: the hard limit when only a reservation is given. Not a token, which cannot be compared
   * with the reservation: the task's memory then caps the container.
   */
  readonly taskMemoryMiB?: number;
}

/** Memory of a sidecar when none is given. */
export const DEFAULT_SIDECAR_MEMORY_MIB = 128;

/** The aws-cdk-lib container options with the kit's defaults applied. */
export function withContainerDefaults(id: string, options: TaskContainerOptions, ctx: ContainerContext): ecs.ContainerDefinitionOptions {
  const name = options.containerName ?? id;
  if (options.privileged && ctx.isFargate) {
    fail({
      code: 'ECS-CT-15',
      problem: `Container '${name}' sets privileged: true on Fargate`,
      path: ctx.path,
      // Windows containers cannot be privileged on EC2 either (ECS-CT-33).
      allowed: ctx.isWindows ? 'no privileged on Windows containers, on Fargate or EC2 capacity' : 'privileged on EC2 capacity only',
      fix: ctx.isWindows ? 'Remove privileged; Windows containers cannot be privileged on EC2 capacity either (ECS-CT-33).'
        : 'Remove privileged, or run the task on EC2 capacity.',
    });
  }
  validateHealthCheck(options.healthCheck, name, ctx.path);
  const { scratchPaths: _scratch, ...rest } = options;
  // A reservation alone: the hard limit is the task memory (a lazy default would trip CDK's limit >= reservation check).
  const memory = options.memoryLimitMiB
    ?? (options.memoryReservationMiB !== undefined ? ctx.taskMemoryMiB : ctx.defaultMemoryMiB);
  return {
    ...rest,
    containerName: name,
    logging: options.logging ?? ecs.LogDrivers.awsLogs({ logGroup: ctx.logGroup, streamPrefix: name }),
    readonlyRootFilesystem: ctx.isWindows ? options.readonlyRootFilesystem : (options.readonlyRootFilesystem ?? ctx.readonlyDefault),
    user: options.user ?? (ctx.isWindows ? undefined : defaultUserFor(options.image)),
    memoryLimitMiB: memory,
  };
}

/**
 * KIT-TASK-PRIVILEGED-PORT: the kit picked a non-root user (no `user` given) for a container that maps a port below 1024,
 * which ECS does not let a non-root process bind (containers-roadmap#1721): a server image on its default port 80 would
 * exit at start. A warning on `scope`.
 */
export function warnPrivilegedPort(scope: IConstruct, options: TaskContainerOptions, resolved: ecs.ContainerDefinitionOptions): void {
  // The kit's default user is never root; Windows containers get none.
  if (options.user !== undefined || resolved.user === undefined) return;
  const low = (options.portMappings ?? []).map((m) => m.containerPort).filter((p) => p !== undefined && !Token.isUnresolved(p) && p > 0 && p < 1024);
  if (low.length === 0) return;
  Annotations.of(scope).addWarningV2('KIT-TASK-PRIVILEGED-PORT', formatMessage('KIT-TASK-PRIVILEGED-PORT', scope.node.path, {
    problem: `container '${resolved.containerName}' maps containerPort ${low.join(', ')} but runs as user ${resolved.user}, the kit's default non-root user; `
      + 'a non-root process cannot bind ports below 1024 on ECS',
    allowed: 'container ports of 1024 and up for a non-root user',
    fix: 'Make the server listen on a port of 1024 or more (e.g. 8080) and map that (a load balancer listener may stay on 443), use an image built '
      + 'to run as non-root (nginx-unprivileged listens on 8080), or set user to the uid the image needs',
  }));
}

/** The construction-time checks of a kit container: its construct id, its image asset's platform, its host ports. */
export function checkNewContainer(
  taskDefinition: ecs.TaskDefinition, path: string, id: string, options: TaskContainerOptions, taskArch: string, windows: boolean,
): void {
  checkContainerId(taskDefinition, path, id);
  const name = options.containerName ?? id;
  checkAssetPlatform(path, name, options.image, taskArch, windows);
  checkHostPorts(path, name, taskDefinition.networkMode, options.portMappings);
}

/**
 * ECS-PM-01 at construction: in awsvpc or host mode a HostPort other than the ContainerPort (aws-cdk-lib would throw a
 * bare "The host port must be left out or must be the same as the container port").
 */
export function checkHostPorts(path: string, container: string, networkMode: ecs.NetworkMode, mappings: readonly ecs.PortMapping[] = []): void {
  if (networkMode !== ecs.NetworkMode.AWS_VPC && networkMode !== ecs.NetworkMode.HOST) return;
  for (const m of mappings) {
    const { hostPort, containerPort } = m;
    if (hostPort === undefined || hostPort === 0 || containerPort === undefined) continue;
    if (Token.isUnresolved(hostPort) || Token.isUnresolved(containerPort) || hostPort === containerPort) continue;
    fail({
      code: 'ECS-PM-01',
      problem: `container '${container}' maps hostPort ${hostPort} to containerPort ${containerPort} in ${networkMode} network mode`,
      path,
      allowed: `hostPort omitted or equal to containerPort (${containerPort})`,
      fix: `Remove hostPort or set it to ${containerPort}; the load balancer or Service Connect reaches the task on its container port.`,
    });
  }
}

/** KIT-TASK-ARCH: an image asset built for another architecture or OS than the task runs (it would not start). */
export function checkAssetPlatform(path: string, container: string, image: ecs.ContainerImage, taskArch: string, windows: boolean): void {
  const platform = image instanceof ecs.AssetImage ? assetImagePlatform(image) : undefined;
  if (windows && platform !== undefined && /^linux\//i.test(platform)) {
    fail({
      code: 'KIT-TASK-ARCH',
      problem: `Image asset of container '${container}' is built for ${platform} but the task runs Windows`,
      path,
      allowed: 'a Windows image asset: no Linux platform, built on a Windows Docker host',
      fix: 'Remove platform from the asset and build it on a Windows host, or run the image in a Linux task.',
    });
  }
  const arch = platformArchitecture(platform);
  if (arch && arch !== taskArch) {
    fail({
      code: 'KIT-TASK-ARCH',
      problem: `Image asset of container '${container}' is built for ${arch} but the task runs on ${taskArch}`,
      path,
      allowed: `an image asset with platform ${taskArch === 'ARM64' ? 'Platform.LINUX_ARM64' : 'Platform.LINUX_AMD64'}`,
      fix: 'Build the asset for the task\'s architecture, or set cpuArchitecture to match the image.',
    });
  }
}

/** The architecture a platform string names ('linux/arm64' -> ARM64), if it names one. */
function platformArchitecture(platform: string | undefined): string | undefined {
  if (platform === undefined) return undefined;
  if (/arm64|aarch64/i.test(platform)) return 'ARM64';
  if (/amd64|x86_64/i.test(platform)) return 'X86_64';
  return undefined;
}

/** 'ARM64' or 'X86_64' of a CpuArchitecture (the constants by identity; CpuArchitecture.of(...) by its name). */
export function architectureName(arch: ecs.CpuArchitecture): string {
  if (arch === ecs.CpuArchitecture.ARM64) return 'ARM64';
  if (arch === ecs.CpuArchitecture.X86_64) return 'X86_64';
  return cpuArchitectureName(arch);
}

/** Whether the image is pulled from ECR with the execution role (ecr:GetAuthorizationToken needs Resource *). */
export function pullsFromEcr(image: ecs.ContainerImage): boolean {
  return image instanceof ecs.EcrImage || image instanceof ecs.AssetImage;
}

/** KIT-TASK-CONTAINER-ID: a container construct id already taken in the task definition (the main container's is 'app'). */
export function checkContainerId(taskDefinition: ecs.TaskDefinition, path: string, id: string): void {
  const taken = taskDefinition.node.tryFindChild(id);
  if (!(taken instanceof ecs.ContainerDefinition)) return;
  const ids = taskDefinition.node.children.filter((c) => c instanceof ecs.ContainerDefinition).map((c) => c.node.id);
  fail({
    code: 'KIT-TASK-CONTAINER-ID',
    path,
    problem: `addContainer id '${id}' is already the construct id of container '${taken.containerName}'${id === 'app' ? ' (the main container\'s id is always app)' : ''}`,
    allowed: `a construct id no container of the task has (taken: ${ids.join(', ')})`,
    fix: `Use another id, e.g. '${id}-sidecar' (the container name defaults to the id; containerName sets another).`,
  });
}
