import { Annotations, Stack, Token, Tokenization } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as events from 'aws-cdk-lib/aws-events';
import * as pipes from 'aws-cdk-lib/aws-pipes';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { Construct, IConstruct } from 'constructs';
import { fail } from '../../errors';
import { taskDefinitionContainers } from '../../internal/cdk-internals';
import { KIT_CHECKS } from '../../kit-checks';
import { addAcknowledgeableValidation } from '../../plugin/resource-validation';
import { formatMessage } from '../../rules/engine';
import { kitEnvironmentVariable } from '../base/kit-environment';
import { TaskBase, TaskBaseProps } from '../base/task-base';
import { checkTaskCpu, checkTaskMemory } from '../base/task-memory';
import { DockerVolumeOptions } from '../base/volumes';

/** Why AwsSolutions-ECS2 (no environment variables) is acknowledged on awsvpc EC2 tasks. */
const AWS_REGION_REASON = 'aws-cdk-lib\'s Ec2TaskDefinition adds AWS_REGION (the stack Region, not a secret) to every container in awsvpc mode, '
  + 'because SDKs cannot read the Region from instance metadata, which the kit blocks for tasks. Values you add are checked for secrets by ECS-CT-23.';

/** Props of an Ec2Task. */
export interface Ec2TaskProps extends TaskBaseProps {
  /**
   * Network mode: AWS_VPC, BRIDGE (dynamic host ports only), HOST or NONE. Windows tasks take
   * AWS_VPC or NAT only (ECS-PM-09).
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
  /**
   * Task-level CPU units, 128-196,608 (1024 = 1 vCPU, ECS-TD-29).
   * The instance reserves them for the task and its containers share them (a container's own cpu may be set within
   * it). Not for Windows, where ECS ignores it.
   * @default - none: only the containers' cpu
   */
  readonly cpu?: number;
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
    // ECS-PM-09 judges a RuntimePlatform the kit does not render (it does not know the Windows version): the construct reports it.
    const windowsModes: string[] = [ecs.NetworkMode.AWS_VPC, ecs.NetworkMode.NAT];
    if (this.windows && !windowsModes.includes(this.networkMode)) {
      fail({
        code: 'ECS-PM-09',
        path: this.node.path,
        problem: `networkMode ${this.networkMode} is set on a Windows task (windows: true)`,
        allowed: 'ecs.NetworkMode.AWS_VPC (the default) or ecs.NetworkMode.NAT for Windows containers on EC2; bridge, host and none are Linux only',
        fix: 'Leave networkMode out (awsvpc), or set ecs.NetworkMode.NAT.',
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
    const containerSized = props.container.memoryLimitMiB !== undefined || props.container.memoryReservationMiB !== undefined;
    if (memoryMiB !== undefined && Token.isUnresolved(memoryMiB) && !containerSized) {
      // The L1 carries the task memory, so Ec2TaskDefinition still requires each container's own (and nothing can be subtracted from a token).
      fail({
        code: KIT_CHECKS.TASK_MEMORY.id,
        path: this.node.path,
        problem: 'memoryMiB is a token (known only at deploy, such as a CfnParameter) and the main container has no memory of its own',
        allowed: 'with a token task memory, container.memoryReservationMiB or container.memoryLimitMiB set',
        fix: 'Give the main container a memoryReservationMiB (its hard limit is then the task memory), or use a literal memoryMiB.',
      });
    }
    const cfn = this.taskDefinition.node.defaultChild as ecs.CfnTaskDefinition;
    if (memoryMiB !== undefined) cfn.memory = Tokenization.stringifyNumber(memoryMiB);
    // Ec2TaskDefinition takes no task cpu either.
    const cpu = checkTaskCpu(this, props.cpu, this.windows);
    if (cpu !== undefined) cfn.cpu = Tokenization.stringifyNumber(cpu);
    this.initializeTask(props, memoryMiB);
    if (this.networkMode === ecs.NetworkMode.AWS_VPC) kitEnvironmentVariable(this.taskDefinition, 'AWS_REGION', AWS_REGION_REASON);
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

  /**
   * The paths of what runs this task other than DAEMON services (replica services, EventBridge rules,
   * Scheduler schedules, Pipes), or undefined when no DAEMON service runs it: a RunTask on an instance
   * where the daemon holds the fixed port cannot be placed.
   */
  private nonDaemonRunners(): string[] | undefined {
    let daemons = 0;
    const others: string[] = [];
    for (const c of this.node.root.node.findAll()) {
      if (c instanceof ecs.BaseService) {
        if (c.taskDefinition !== this.taskDefinition) continue;
        if ((c.node.defaultChild as ecs.CfnService).schedulingStrategy === 'DAEMON') daemons++;
        else others.push(c.node.path);
      } else if (runsTask(c, this.taskDefinition)) {
        others.push(c.node.path);
      }
    }
    return daemons > 0 ? others : undefined;
  }

  /** Bridge mode: dynamic host ports only. (host and none are checked by aws-cdk-lib and ECS-PM-01/02.) */
  private checkPorts(): string[] {
    if (this.networkMode !== ecs.NetworkMode.BRIDGE) return [];
    // All containers, including ones added on the L2 directly.
    const fixed = taskDefinitionContainers(this.taskDefinition)
      .flatMap((c) => c.portMappings.filter((pm) => pm.hostPort !== undefined && pm.hostPort !== 0).map((pm) => ({ c, pm })));
    if (fixed.length === 0) return [];
    // One task per instance is what a daemon runs: its fixed port never conflicts (a statsd or agent daemon).
    const others = this.nonDaemonRunners();
    if (others?.length === 0) return [];
    const alsoRun = others ? ` (a DaemonService runs it, but so does ${others.join(', ')})` : '';
    return fixed.map(({ c, pm }) => formatMessage('KIT-TASK-BRIDGE-HOST-PORT', this.node.path, {
      problem: `Container '${c.containerName}' maps container port ${pm.containerPort} to fixed host port ${pm.hostPort} in bridge mode${alsoRun}`,
      allowed: 'hostPort unset or 0 (a dynamic port from 32768-65535)',
      fix: 'Leave hostPort unset: a fixed host port allows one task per instance and blocks rolling deployments '
        + '(a task that only DaemonServices run, one per instance, may keep it)',
    }));
  }
}

/** The ECS targets of an EventBridge rule, Scheduler schedule or Pipe (public L1 properties), else undefined. */
function runnerTargets(c: IConstruct): unknown {
  if (c instanceof events.CfnRule) return c.targets;
  if (c instanceof scheduler.CfnSchedule) return c.target;
  if (c instanceof pipes.CfnPipe) return c.targetParameters;
  return undefined;
}

/** True when `c` is an EventBridge rule, Scheduler schedule or Pipe whose targets name the task definition. */
function runsTask(c: IConstruct, taskDefinition: ecs.TaskDefinition): boolean {
  const targets = runnerTargets(c);
  if (targets === undefined) return false;
  const stack = Stack.of(c);
  // Resolved in the runner's stack, so a cross-stack reference reads as the same import on both sides.
  const arn = JSON.stringify(stack.resolve(taskDefinition.taskDefinitionArn));
  return JSON.stringify(stack.resolve(targets) ?? null).includes(arn);
}

