import { Annotations, Validations } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import { fail } from '../../errors';
import { taskDefinitionContainers } from '../../internal/cdk-internals';
import { formatMessage } from '../../rules/engine';
import { TaskBase, TaskBaseProps } from '../base/task-base';
import { DockerVolumeOptions } from '../base/volumes';

/** Why AwsSolutions-ECS2 (no environment variables) is acknowledged on awsvpc EC2 tasks. */
const AWS_REGION_REASON = 'aws-cdk-lib\'s Ec2TaskDefinition adds AWS_REGION (the stack Region, not a secret) to every container in awsvpc mode, '
  + 'because SDKs cannot read the Region from instance metadata, which the kit blocks for tasks. Values you add are checked for secrets by ECS-CT-23.';

/** Props of an Ec2Task. */
export interface Ec2TaskProps extends TaskBaseProps {
  /**
   * Network mode: AWS_VPC, BRIDGE (dynamic host ports only), HOST or NONE.
   * @default ecs.NetworkMode.AWS_VPC
   */
  readonly networkMode?: ecs.NetworkMode;
  /**
   * Run Windows containers (no read-only root filesystem, no `user` default).
   * @default false
   */
  readonly windows?: boolean;
}

/**
 * An EC2 task definition with the same defaults as FargateTask; the main
 * container's memory defaults to 512 MiB, sidecars' to 128 MiB.
 */
export class Ec2Task extends TaskBase {
  public readonly taskDefinition: ecs.Ec2TaskDefinition;
  public readonly isFargate: boolean = false;
  public readonly networkMode: ecs.NetworkMode;
  private readonly windows: boolean;

  constructor(scope: Construct, id: string, props: Ec2TaskProps) {
    super(scope, id, props);
    this.windows = props.windows ?? false;
    this.networkMode = props.networkMode ?? ecs.NetworkMode.AWS_VPC;
    if (props.enableFaultInjection && this.networkMode !== ecs.NetworkMode.AWS_VPC && this.networkMode !== ecs.NetworkMode.HOST) {
      fail({
        code: 'ECS-TD-25',
        path: this.node.path,
        problem: `enableFaultInjection is true with network mode ${this.networkMode}`,
        allowed: 'fault injection with network mode awsvpc or host',
        fix: 'Use ecs.NetworkMode.AWS_VPC (the default) or HOST, or turn enableFaultInjection off.',
      });
    }
    this.taskDefinition = new ecs.Ec2TaskDefinition(this, 'TaskDefinition', {
      family: props.family,
      networkMode: this.networkMode,
      executionRole: this.executionRole,
      taskRole: this.taskRole,
      enableFaultInjection: props.enableFaultInjection,
    });
    this.initializeTask(props);
    if (this.networkMode === ecs.NetworkMode.AWS_VPC) {
      Validations.of(this.taskDefinition).acknowledge({ id: 'AwsSolutions::AwsSolutions-ECS2', reason: AWS_REGION_REASON });
    }
    if (this.networkMode === ecs.NetworkMode.HOST) {
      Annotations.of(this).addWarningV2('KIT-TASK-HOST-NETWORK', formatMessage('KIT-TASK-HOST-NETWORK', this.node.path, {
        problem: 'Network mode host shares the instance\'s network stack with the containers',
        allowed: 'awsvpc (default), bridge',
        fix: 'Use awsvpc unless the workload needs the host network; Control Tower CT.ECS.PR.4 and CT.ECS.PR.8 flag host mode',
      }));
    }
    this.node.addValidation({ validate: () => this.checkPorts() });
  }

  public get isWindows(): boolean {
    return this.windows;
  }

  /** A Docker volume (EC2 only: Fargate does not support Docker volumes). */
  public addDockerVolume(name: string, options: DockerVolumeOptions): void {
    this.taskDefinition.addVolume({ name, dockerVolumeConfiguration: options.configuration });
    (options.container ?? this.defaultContainer).addMountPoints({
      sourceVolume: name, containerPath: options.containerPath, readOnly: options.readOnly ?? false,
    });
  }

  /** Bridge mode: dynamic host ports only. (host and none are checked by aws-cdk-lib and ECS-PM-01/02.) */
  private checkPorts(): string[] {
    if (this.networkMode !== ecs.NetworkMode.BRIDGE) return [];
    const errors: string[] = [];
    // All containers, including ones added on the L2 directly.
    for (const c of taskDefinitionContainers(this.taskDefinition)) {
      for (const pm of c.portMappings) {
        if (pm.hostPort === undefined || pm.hostPort === 0) continue;
        errors.push(formatMessage('KIT-TASK-BRIDGE-HOST-PORT', this.node.path, {
          problem: `Container '${c.containerName}' maps container port ${pm.containerPort} to fixed host port ${pm.hostPort} in bridge mode`,
          allowed: 'hostPort unset or 0 (a dynamic port from 32768-65535)',
          fix: 'Leave hostPort unset: a fixed host port allows one task per instance and blocks rolling deployments',
        }));
      }
    }
    return errors;
  }
}
