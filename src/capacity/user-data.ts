/** Renders Ec2AgentSettings into user data per operating system (internal). */
import { Duration } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Ec2AgentSettings, ImagePullBehavior } from './agent-settings';
import { Ec2CapacityOs } from './ec2-capacity-image';

interface ResolvedSettings {
  readonly blockImds: boolean;
  readonly stopTimeoutSeconds: number;
  readonly pull: ImagePullBehavior;
  readonly spotDraining: boolean;
}

function resolve(settings: Ec2AgentSettings): ResolvedSettings {
  return {
    blockImds: settings.blockTaskMetadataAccess ?? true,
    stopTimeoutSeconds: (settings.containerStopTimeout ?? Duration.seconds(30)).toSeconds(),
    pull: settings.imagePullBehavior ?? ImagePullBehavior.DEFAULT,
    spotDraining: settings.spotInstanceDraining ?? true,
  };
}

/**
 * User data that joins exactly one cluster and applies the agent settings.
 * `clusterName` may be a token (it resolves to a Ref to the cluster).
 */
export function agentUserData(os: Ec2CapacityOs, clusterName: string, settings: Ec2AgentSettings, gpu = false): ec2.UserData {
  const s = resolve(settings);
  switch (os) {
    case Ec2CapacityOs.BOTTLEROCKET: {
      const data = ec2.UserData.custom('');
      data.addCommands(
        '[settings.ecs]',
        `cluster = "${clusterName}"`,
        `awsvpc-block-imds = ${s.blockImds}`,
        `container-stop-timeout = "${s.stopTimeoutSeconds}s"`,
        `image-pull-behavior = "${s.pull}"`,
        `enable-spot-instance-draining = ${s.spotDraining}`,
      );
      return data;
    }
    case Ec2CapacityOs.WINDOWS: {
      const data = ec2.UserData.forWindows();
      const env = (name: string, value: string) =>
        `[Environment]::SetEnvironmentVariable("${name}", "${value}", "Machine")`;
      data.addCommands(
        'Import-Module ECSTools',
        env('ECS_CONTAINER_STOP_TIMEOUT', `${s.stopTimeoutSeconds}s`),
        env('ECS_IMAGE_PULL_BEHAVIOR', s.pull),
        env('ECS_ENABLE_SPOT_INSTANCE_DRAINING', `${s.spotDraining}`),
        env('ECS_ENABLE_AWSLOGS_EXECUTIONROLE_OVERRIDE', 'true'),
        // -EnableTaskENI turns on awsvpc (Ec2Task's default network mode); -AwsvpcBlockIMDS only acts with it.
        `Initialize-ECSAgent -Cluster '${clusterName}' -EnableTaskIAMRole -EnableTaskENI${s.blockImds ? ' -AwsvpcBlockIMDS' : ''}`,
      );
      return data;
    }
    default: {
      const data = ec2.UserData.forLinux();
      const lines = [
        `ECS_CLUSTER=${clusterName}`,
        `ECS_AWSVPC_BLOCK_IMDS=${s.blockImds}`,
        `ECS_CONTAINER_STOP_TIMEOUT=${s.stopTimeoutSeconds}s`,
        `ECS_IMAGE_PULL_BEHAVIOR=${s.pull}`,
        `ECS_ENABLE_SPOT_INSTANCE_DRAINING=${s.spotDraining}`,
        // The GPU-optimized AMI sets it too; explicit so the agent registers the GPUs whatever the AMI's defaults.
        ...gpu ? ['ECS_ENABLE_GPU_SUPPORT=true'] : [],
      ];
      data.addCommands(...lines.map((l) => `echo ${l} >> /etc/ecs/ecs.config`));
      return data;
    }
  }
}

