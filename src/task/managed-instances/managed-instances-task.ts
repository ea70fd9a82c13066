import { Annotations, Tokenization } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import { fail } from '../../errors';
import { formatMessage } from '../../rules/engine';
import { TaskBase, TaskBaseProps } from '../base/task-base';
import { checkTaskMemory } from '../base/task-memory';

/** Props of a ManagedInstancesTask. */
export interface ManagedInstancesTaskProps extends TaskBaseProps {
  /**
   * Network mode: AWS_VPC or HOST, the two ECS supports on Managed Instances (ECS-TD-08).
   * @default ecs.NetworkMode.AWS_VPC
   */
  readonly networkMode?: ecs.NetworkMode;
  /**
   * Task CPU units (1024 = 1 vCPU). ECS picks instances with room for it.
   * @default 256
   */
  readonly cpu?: number;
  /**
   * Task memory in MiB. The main container gets what the sidecars leave.
   * @default 512
   */
  readonly memoryMiB?: number;
}

/**
 * A task definition that requires MANAGED_INSTANCES, with the same defaults
 * as FargateTask (awsvpc, awslogs with retention, read-only root filesystem,
 * non-root user, managed-policy roles) and a Linux runtime platform: ECS
 * Managed Instances run Linux tasks only (ECS-TD-26).
 *
 * A class of its own rather than an option on FargateTask or Ec2Task, as the
 * launch type is part of what a task definition is in ECS (RequiresCompatibilities),
 * and services pick the capacity from the task's class.
 */
export class ManagedInstancesTask extends TaskBase {
  public readonly taskDefinition: ecs.TaskDefinition;
  public readonly isFargate: boolean = false;
  public readonly networkMode: ecs.NetworkMode;

  constructor(scope: Construct, id: string, props: ManagedInstancesTaskProps) {
    super(scope, id, props);
    this.networkMode = props.networkMode ?? ecs.NetworkMode.AWS_VPC;
    if (this.networkMode !== ecs.NetworkMode.AWS_VPC && this.networkMode !== ecs.NetworkMode.HOST) {
      fail({
        code: 'ECS-TD-08',
        path: this.node.path,
        problem: `networkMode ${this.networkMode} is not accepted for Managed Instances by aws-cdk-lib's TaskDefinition`,
        allowed: 'awsvpc or host',
        fix: 'Use ecs.NetworkMode.AWS_VPC (the default) or HOST.',
      });
    }
    const cpu = props.cpu ?? 256;
    const memoryMiB = checkTaskMemory(this, props.memoryMiB, false) ?? 512;
    this.taskDefinition = new ecs.TaskDefinition(this, 'TaskDefinition', {
      compatibility: ecs.Compatibility.MANAGED_INSTANCES,
      networkMode: this.networkMode,
      // A number token (a CfnParameter's valueAsNumber) must stay a token: String() would print its encoded value.
      cpu: Tokenization.stringifyNumber(cpu),
      memoryMiB: Tokenization.stringifyNumber(memoryMiB),
      family: props.family,
      executionRole: this.executionRole,
      taskRole: this.taskRole,
      enableFaultInjection: props.enableFaultInjection,
      runtimePlatform: { cpuArchitecture: this.cpuArchitecture, operatingSystemFamily: ecs.OperatingSystemFamily.LINUX },
    });
    this.initializeTask(props, memoryMiB);
    if (this.networkMode === ecs.NetworkMode.HOST) {
      Annotations.of(this).addWarningV2('KIT-TASK-HOST-NETWORK', formatMessage('KIT-TASK-HOST-NETWORK', this.node.path, {
        problem: 'Network mode host shares the instance\'s network stack with the containers',
        allowed: 'awsvpc (default)',
        fix: 'Use awsvpc unless the workload needs the host network; Control Tower CT.ECS.PR.4 and CT.ECS.PR.8 flag host mode',
      }));
    }
  }

  /** Always false: Managed Instances run Linux tasks only. */
  public get isWindows(): boolean {
    return false;
  }

  public get isManagedInstances(): boolean {
    return true;
  }
}
