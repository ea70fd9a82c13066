import { Token } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import { FargateSize } from './fargate-size';
import { fail } from '../../errors';
import { architectureName } from '../base/container-defaults';
import { TaskBase, TaskBaseProps } from '../base/task-base';

/** Props of a FargateTask. */
export interface FargateTaskProps extends TaskBaseProps {
  /**
   * Task size. Only valid Fargate sizes can be built.
   * @default FargateSize.of(256, 512)
   */
  readonly size?: FargateSize;
  /**
   * Operating system family. Must match the size's operating system.
   * @default - LINUX, or WINDOWS_SERVER_2022_CORE for a Windows size
   */
  readonly operatingSystemFamily?: ecs.OperatingSystemFamily;
  /**
   * Ephemeral storage in GiB: 21-200, or 20 (Fargate's default, left out of the template).
   * @default - 20 GiB, Fargate's default
   */
  readonly ephemeralStorageGiB?: number;
}

/**
 * A Fargate task definition with compliant defaults: awsvpc, awslogs with
 * retention, read-only root filesystem, non-root user, container memory set,
 * separate execution and task roles with managed policies.
 */
export class FargateTask extends TaskBase {
  public readonly taskDefinition: ecs.FargateTaskDefinition;
  public readonly isFargate: boolean = true;
  public readonly networkMode: ecs.NetworkMode = ecs.NetworkMode.AWS_VPC;
  /** The task size. */
  public readonly size: FargateSize;
  private readonly windows: boolean;

  constructor(scope: Construct, id: string, props: FargateTaskProps) {
    super(scope, id, props);
    this.size = props.size ?? FargateSize.of(256, 512);
    const family = props.operatingSystemFamily
      ?? (this.size.isWindows ? ecs.OperatingSystemFamily.WINDOWS_SERVER_2022_CORE : ecs.OperatingSystemFamily.LINUX);
    this.windows = family.isWindows();
    if (this.windows !== this.size.isWindows) {
      fail({
        code: 'ECS-TD-02',
        problem: `Fargate size ${this.size} does not fit a ${this.windows ? 'Windows' : 'Linux'} operating system family`,
        path: this.node.path,
        allowed: this.windows ? 'FargateSize.windows(cpu, memoryMiB): cpu 1024, 2048 or 4096' : 'FargateSize.of(cpu, memoryMiB)',
        fix: this.windows ? 'Use FargateSize.windows(...) for a Windows task.' : 'Use FargateSize.of(...) for a Linux task.',
      });
    }
    if (this.windows && architectureName(this.cpuArchitecture) !== 'X86_64') {
      fail({
        code: 'ECS-TD-14',
        problem: `Windows Fargate task uses cpu architecture ${architectureName(this.cpuArchitecture)}`,
        path: this.node.path,
        allowed: 'X86_64',
        fix: 'Use ecs.CpuArchitecture.X86_64 for Windows on Fargate.',
      });
    }
    const storage = props.ephemeralStorageGiB;
    if (storage !== undefined && !Token.isUnresolved(storage) && storage !== 20 && !(Number.isInteger(storage) && storage >= 21 && storage <= 200)) {
      fail({
        code: 'ECS-TD-06',
        path: this.node.path,
        problem: `ephemeralStorageGiB ${storage} is not a Fargate ephemeral storage size`,
        allowed: 'whole GiB from 21 to 200, or 20 (the default)',
        fix: 'Use 21-200 GiB, or leave ephemeralStorageGiB unset for the 20 GiB default.',
      });
    }
    this.taskDefinition = new ecs.FargateTaskDefinition(this, 'TaskDefinition', {
      cpu: this.size.cpu,
      memoryLimitMiB: this.size.memoryMiB,
      family: props.family,
      executionRole: this.executionRole,
      taskRole: this.taskRole,
      enableFaultInjection: props.enableFaultInjection,
      // 20 GiB is what Fargate gives without the setting, which aws-cdk-lib rejects as a value.
      ephemeralStorageGiB: storage === 20 ? undefined : storage,
      runtimePlatform: { cpuArchitecture: this.cpuArchitecture, operatingSystemFamily: family },
    });
    this.initializeTask(props, this.size.memoryMiB);
  }

  public get isWindows(): boolean {
    return this.windows;
  }
}
