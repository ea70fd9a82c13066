/**
 * Writable scratch directories for non-root containers on a read-only root
 * filesystem. A task-storage bind mount is created owned by root with mode
 * 0755 (ECS "Bind mounts"; containers-roadmap#938), so only root may write to
 * it. One short-lived init container per task runs as root and makes every
 * scratch volume world-writable with the sticky bit (mode 1777, as /tmp);
 * the containers that mount them start only after it exits successfully.
 * Any non-root uid can then write, whatever user the image runs as.
 */
import { CfnElement, Validations } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { onRenderedProperties } from '../../internal/cdk-internals';

/** Name of the init container: stable, since it is part of the task definition. */
export const SCRATCH_INIT_CONTAINER = 'scratch-init';
/** Default image of the init step: a pinned busybox from ECR Public (shell and chmod, ~2 MB). */
export const DEFAULT_SCRATCH_INIT_IMAGE = 'public.ecr.aws/docker/library/busybox:1.37';
/** Memory of the init container: it runs one chmod. */
export const SCRATCH_INIT_MEMORY_MIB = 16;
/** Mount point of each scratch volume inside the init container. */
const INIT_MOUNT_ROOT = '/ecs-kit-scratch';

const ROOT_INIT_REASON = `Only the '${SCRATCH_INIT_CONTAINER}' init container runs as root: it runs 'chmod 1777' on the task-storage scratch volumes, `
  + 'which Fargate and Docker create owned by root with mode 0755, and exits before the app containers start (dependsOn SUCCESS). '
  + 'It is not essential, maps no port, has a read-only root filesystem and no secrets. Every other container runs as a non-root user.';

/** User values Control Tower's CT.ECS.PR.3 counts as root (its ROOT_USER_PATTERNS). */
const ROOT_USER = /^(0|root)(:.*)?$/;

/**
 * Acknowledge CT.ECS.PR.3 when the task renders, only if every other container names a non-root user: the finding is
 * per task definition, so an app container left as root (or with no user) keeps it.
 */
function acknowledgeRootInitOnly(taskDefinition: ecs.TaskDefinition): void {
  onRenderedProperties(taskDefinition.node.defaultChild as CfnElement, (properties) => {
    const containers = properties.ContainerDefinitions;
    if (!Array.isArray(containers)) return;
    // An unresolved user (a token) is no root user to the rule either.
    const root = (user: unknown) => user === undefined || user === 0 || (typeof user === 'string' && ROOT_USER.test(user));
    const others = containers.filter((c) => (c as { Name?: unknown }).Name !== SCRATCH_INIT_CONTAINER);
    if (others.some((c) => root((c as { User?: unknown }).User))) return;
    Validations.of(taskDefinition).acknowledge({ id: 'cdk-validator-cfnguard::ecs_task_definition_nonroot_user_check', reason: ROOT_INIT_REASON });
  });
}

/** Options of the scratch init step. */
export interface ScratchInitContext {
  readonly taskDefinition: ecs.TaskDefinition;
  readonly logGroup: logs.ILogGroup;
  readonly image: ecs.ContainerImage;
}

/** The per-task init step; built on the first scratch volume of a non-root container. */
export class ScratchInit {
  /** The init container. */
  public readonly initContainer: ecs.ContainerDefinition;
  private readonly volumes: string[] = [];

  constructor(ctx: ScratchInitContext) {
    this.initContainer = ctx.taskDefinition.addContainer(SCRATCH_INIT_CONTAINER, {
      containerName: SCRATCH_INIT_CONTAINER,
      image: ctx.image,
      essential: false,
      user: '0',
      readonlyRootFilesystem: true,
      memoryLimitMiB: SCRATCH_INIT_MEMORY_MIB,
      entryPoint: ['sh', '-c'],
      // Every mount under the root, including ones added after this call.
      command: [`chmod 1777 ${INIT_MOUNT_ROOT}/*`],
      logging: ecs.LogDrivers.awsLogs({ logGroup: ctx.logGroup, streamPrefix: SCRATCH_INIT_CONTAINER }),
    });
    acknowledgeRootInitOnly(ctx.taskDefinition);
  }

  /** Make `volume` writable for `consumer`, which then waits for the init step. */
  public add(volume: string, consumer: ecs.ContainerDefinition): void {
    const init = this.initContainer;
    if (!this.volumes.includes(volume)) {
      this.volumes.push(volume);
      init.addMountPoints({ sourceVolume: volume, containerPath: `${INIT_MOUNT_ROOT}/${this.volumes.length}`, readOnly: false });
    }
    if (consumer !== init && !consumer.containerDependencies.some((d) => d.container === init)) {
      consumer.addContainerDependencies({ container: init, condition: ecs.ContainerDependencyCondition.SUCCESS });
    }
  }
}
