import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';

/** The operating system family of a capacity image; it decides how agent settings are rendered. */
export enum Ec2CapacityOs {
  /** Amazon Linux (ECS-optimized): settings go to /etc/ecs/ecs.config. */
  AMAZON_LINUX = 'AMAZON_LINUX',
  /** Bottlerocket: settings are TOML under [settings.ecs]. */
  BOTTLEROCKET = 'BOTTLEROCKET',
  /** Windows Server (ECS-optimized): settings are machine environment variables and Initialize-ECSAgent. */
  WINDOWS = 'WINDOWS',
}

/**
 * The machine image of an Ec2Capacity. Images are read from the public SSM
 * parameters at deploy time (no lookups at synth).
 */
export class Ec2CapacityImage {
  /** ECS-optimized Amazon Linux 2023 (the default); ARM64 on Graviton instance types. */
  public static amazonLinux2023(): Ec2CapacityImage {
    return new Ec2CapacityImage(Ec2CapacityOs.AMAZON_LINUX, (arch) => ecs.EcsOptimizedImage.amazonLinux2023(
      arch === ec2.InstanceArchitecture.ARM_64 ? ecs.AmiHardwareType.ARM : ecs.AmiHardwareType.STANDARD));
  }

  /**
   * ECS GPU-optimized Amazon Linux 2023 (NVIDIA driver and container toolkit), x86_64 only.
   * The default on NVIDIA GPU instance types (g4dn, g5, g6, g6e, gr6, p3, p4d, p5...).
   * There is no ARM64 variant: Graviton GPU types (g5g) need `bottlerocketNvidia()` or `custom()`.
   */
  public static amazonLinux2023Gpu(): Ec2CapacityImage {
    return new Ec2CapacityImage(Ec2CapacityOs.AMAZON_LINUX,
      () => ecs.EcsOptimizedImage.amazonLinux2023(ecs.AmiHardwareType.GPU), true);
  }

  /** Bottlerocket, aws-ecs-2 variant; ARM64 on Graviton instance types. */
  public static bottlerocket(): Ec2CapacityImage {
    return new Ec2CapacityImage(Ec2CapacityOs.BOTTLEROCKET, (arch) => new ecs.BottleRocketImage({
      variant: ecs.BottlerocketEcsVariant.AWS_ECS_2,
      architecture: arch,
    }));
  }

  /**
   * Bottlerocket, aws-ecs-2-nvidia variant (NVIDIA driver): x86_64 on NVIDIA GPU types such as g5,
   * ARM64 on Graviton GPU types (g5g). The agent registers the instances' GPUs.
   */
  public static bottlerocketNvidia(): Ec2CapacityImage {
    return new Ec2CapacityImage(Ec2CapacityOs.BOTTLEROCKET, (arch) => new ecs.BottleRocketImage({
      variant: ecs.BottlerocketEcsVariant.AWS_ECS_2_NVIDIA,
      architecture: arch,
    }));
  }

  /** ECS-optimized Windows Server (x86_64 only). @param version @default SERVER_2022 */
  public static windowsServer(version?: ecs.WindowsOptimizedVersion): Ec2CapacityImage {
    return new Ec2CapacityImage(Ec2CapacityOs.WINDOWS,
      () => ecs.EcsOptimizedImage.windows(version ?? ecs.WindowsOptimizedVersion.SERVER_2022));
  }

  /**
   * Your own image; `os` says how agent settings are rendered. The image must
   * match the architecture of the instance types.
   */
  public static custom(machineImage: ec2.IMachineImage, os: Ec2CapacityOs): Ec2CapacityImage {
    return new Ec2CapacityImage(os, () => machineImage);
  }

  private constructor(
    /** How agent settings are rendered. */
    public readonly os: Ec2CapacityOs,
    private readonly build: (arch: ec2.InstanceArchitecture) => ec2.IMachineImage,
    /** True for the ECS GPU-optimized image (x86_64 only, NVIDIA GPU support in the agent). */
    public readonly gpu: boolean = false,
  ) {}

  /** The machine image for an architecture. */
  public machineImage(architecture: ec2.InstanceArchitecture): ec2.IMachineImage {
    return this.build(architecture);
  }

  /** The aws-cdk-lib image type for AsgCapacityProvider (Windows reports AMAZON_LINUX_2, as aws-cdk-lib does). */
  public get machineImageType(): ecs.MachineImageType {
    return this.os === Ec2CapacityOs.BOTTLEROCKET ? ecs.MachineImageType.BOTTLEROCKET : ecs.MachineImageType.AMAZON_LINUX_2;
  }
}
