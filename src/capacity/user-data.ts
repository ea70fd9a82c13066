/** Renders Ec2AgentSettings into user data per operating system (internal). */
import { Duration, Lazy } from 'aws-cdk-lib';
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
 * Custom container instance attributes (ECS_INSTANCE_ATTRIBUTES), read at synth. An empty map renders
 * nothing, so the user data of capacities without attributes stays byte for byte what it was.
 */
export type InstanceAttributes = () => Record<string, string>;

/** Lines that register `attributes`, or '' when there are none; `render` formats the non-empty map. */
function attributeLines(attributes: InstanceAttributes, render: (json: string, entries: [string, string][]) => string): string {
  return Lazy.string({
    produce: () => {
      const entries = Object.entries(attributes()).sort(([a], [b]) => a.localeCompare(b));
      return entries.length ? render(JSON.stringify(Object.fromEntries(entries)), entries) : '';
    },
  });
}

/**
 * User data that joins exactly one cluster and applies the agent settings.
 * `clusterName` may be a token (it resolves to a Ref to the cluster).
 */
export function agentUserData(
  os: Ec2CapacityOs, clusterName: string, settings: Ec2AgentSettings, gpu = false, attributes: InstanceAttributes = () => ({}),
): ec2.UserData {
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
        // An inline table keeps any key added after it in [settings.ecs].
        `enable-spot-instance-draining = ${s.spotDraining}${attributeLines(attributes, (_json, entries) =>
          `\ninstance-attributes = { ${entries.map(([k, v]) => `"${k}" = "${v}"`).join(', ')} }`)}`,
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
        // The agent reads the machine environment when Initialize-ECSAgent starts it, so attributes go first.
        // -EnableTaskENI turns on awsvpc (Ec2Task's default network mode); -AwsvpcBlockIMDS only acts with it.
        `${attributeLines(attributes, (json) => `[Environment]::SetEnvironmentVariable("ECS_INSTANCE_ATTRIBUTES", '${json}', "Machine")\n`)}Initialize-ECSAgent -Cluster '${clusterName}' -EnableTaskIAMRole -EnableTaskENI${s.blockImds ? ' -AwsvpcBlockIMDS' : ''}`,
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
      const commands = lines.map((l) => `echo ${l} >> /etc/ecs/ecs.config`);
      // Single quotes keep the JSON's double quotes from the shell.
      commands.push(`${commands.pop()}${attributeLines(attributes, (json) => `\necho 'ECS_INSTANCE_ATTRIBUTES=${json}' >> /etc/ecs/ecs.config`)}`);
      data.addCommands(...commands);
      return data;
    }
  }
}

