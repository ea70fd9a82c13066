import { Annotations, CfnElement, Stack, Validations } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import { fail } from '../../errors';
import { checkRenderedTemplate, taskDefinitionContainers } from '../../internal/cdk-internals';
import { KIT_CHECKS } from '../../kit-checks';
import { addAcknowledgeableValidation } from '../../plugin/resource-validation';
import { formatMessage } from '../../rules/engine';
import { TaskBase, TaskBaseProps } from '../base/task-base';
import { checkTaskMemory } from '../base/task-memory';
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
  /**
   * Task memory in MiB (task-level Memory). Service Connect needs it on EC2
   * (ECS-SC-06). With it, the main container's memory defaults to what the
   * sidecars leave. Not for Windows: ECS ignores task-level memory there.
   * @default - none: only the containers' memory (main 512 MiB, sidecars 128 MiB)
   */
  readonly memoryMiB?: number;
}

/**
 * An EC2 task definition with the same defaults as FargateTask; the main
 * container's memory defaults to 512 MiB (or the task memory the sidecars
 * leave, with memoryMiB), sidecars' to 128 MiB.
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
    // Ec2TaskDefinition takes no task memory, so the kit sets it on the L1 (a public property).
    const memoryMiB = checkTaskMemory(this, props.memoryMiB, this.windows);
    if (memoryMiB !== undefined) (this.taskDefinition.node.defaultChild as ecs.CfnTaskDefinition).memory = String(memoryMiB);
    this.initializeTask(props, memoryMiB);
    if (this.networkMode === ecs.NetworkMode.AWS_VPC) acknowledgeRegionOnly(this.taskDefinition);
    if (this.networkMode === ecs.NetworkMode.HOST) {
      Annotations.of(this).addWarningV2('KIT-TASK-HOST-NETWORK', formatMessage('KIT-TASK-HOST-NETWORK', this.node.path, {
        problem: 'Network mode host shares the instance\'s network stack with the containers',
        allowed: 'awsvpc (default), bridge',
        fix: 'Use awsvpc unless the workload needs the host network; Control Tower CT.ECS.PR.4 and CT.ECS.PR.8 flag host mode',
      }));
    }
    addAcknowledgeableValidation(this, KIT_CHECKS.TASK_BRIDGE_HOST_PORT.id, () => this.checkPorts());
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

  /** True when at least one ECS service of the app runs this task and every one is a DAEMON service. */
  private runOnlyByDaemons(): boolean {
    const services = this.node.root.node.findAll()
      .filter((c): c is ecs.BaseService => c instanceof ecs.BaseService && c.taskDefinition === this.taskDefinition);
    return services.length > 0 && services.every((svc) => (svc.node.defaultChild as ecs.CfnService).schedulingStrategy === 'DAEMON');
  }

  /** Bridge mode: dynamic host ports only. (host and none are checked by aws-cdk-lib and ECS-PM-01/02.) */
  private checkPorts(): string[] {
    if (this.networkMode !== ecs.NetworkMode.BRIDGE) return [];
    const errors: string[] = [];
    let daemonsOnly: boolean | undefined;
    // All containers, including ones added on the L2 directly.
    for (const c of taskDefinitionContainers(this.taskDefinition)) {
      for (const pm of c.portMappings) {
        if (pm.hostPort === undefined || pm.hostPort === 0) continue;
        // One task per instance is what a daemon runs: its fixed port never conflicts (a statsd or agent daemon).
        daemonsOnly ??= this.runOnlyByDaemons();
        if (daemonsOnly) continue;
        errors.push(formatMessage('KIT-TASK-BRIDGE-HOST-PORT', this.node.path, {
          problem: `Container '${c.containerName}' maps container port ${pm.containerPort} to fixed host port ${pm.hostPort} in bridge mode`,
          allowed: 'hostPort unset or 0 (a dynamic port from 32768-65535)',
          fix: 'Leave hostPort unset: a fixed host port allows one task per instance and blocks rolling deployments '
            + '(a task that only DaemonServices run, one per instance, may keep it)',
        }));
      }
    }
    return errors;
  }
}

/**
 * Acknowledge AwsSolutions-ECS2 when AWS_REGION, which aws-cdk-lib adds, is the only environment variable: read from
 * the rendered template, so variables added after construction (addContainer, overrides) are still flagged.
 */
function acknowledgeRegionOnly(taskDefinition: ecs.TaskDefinition): void {
  const id = Stack.of(taskDefinition).getLogicalId(taskDefinition.node.defaultChild as CfnElement);
  checkRenderedTemplate(Stack.of(taskDefinition), (template) => {
    const props = (template.Resources?.[id] as { Properties?: { ContainerDefinitions?: unknown } } | undefined)?.Properties;
    const containers = Array.isArray(props?.ContainerDefinitions) ? props.ContainerDefinitions as { Environment?: unknown }[] : [];
    const regionOnly = containers.every((c) => c.Environment === undefined
      || (Array.isArray(c.Environment) && c.Environment.every((e: { Name?: unknown }) => e?.Name === 'AWS_REGION')));
    if (regionOnly) Validations.of(taskDefinition).acknowledge({ id: 'AwsSolutions::AwsSolutions-ECS2', reason: AWS_REGION_REASON });
  });
}
