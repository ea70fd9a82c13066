/**
 * The options of a container in a kit task. They are aws-cdk-lib's
 * ecs.ContainerDefinitionOptions, declared here so that API.md shows the
 * kit's defaults where they differ (logging, readonlyRootFilesystem, user,
 * memoryLimitMiB): jsii forbids re-declaring an inherited member.
 * test/task/container-options.test.ts fails when aws-cdk-lib adds or
 * changes an option, so this list stays complete.
 */
import { Duration } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';

/**
 * Options of a container in a kit task: every aws-cdk-lib container option,
 * with kit defaults where the compliance packs ask for them.
 *
 * Kit defaults that differ from aws-cdk-lib:
 * - `logging`: awslogs to the task's log group, stream prefix = container name
 * - `readonlyRootFilesystem`: true on Linux (Windows does not support it)
 * - `user`: a non-root uid on Linux (Control Tower CT.ECS.PR.3): the image's
 *   own uid for well-known non-root images (distroless nonroot and Chainguard
 *   65532, nginx-unprivileged 101, Bitnami 1001), otherwise '1000'
 * - `memoryLimitMiB`: set on every container (Control Tower CT.ECS.PR.7)
 * - `scratchPaths`: writable for any non-root uid, through a root init
 *   container that runs `chmod 1777` on them before the container starts
 */
export interface TaskContainerOptions {

  /**
   * The image used to start a container.
   *
   * This string is passed directly to the Docker daemon.
   * Images in the Docker Hub registry are available by default.
   * Other repositories are specified with either repository-url/image:tag or repository-url/image@digest.
   * TODO: Update these to specify using classes of IContainerImage
   */
  readonly image: ecs.ContainerImage;
  /**
   * The name of the container (what `aws ecs execute-command --container` and load balancer targets name).
   *
   * @default - 'app' for the task's main container; the id given to addContainer for others
   */
  readonly containerName?: string;
  /**
   * The command that is passed to the container.
   *
   * If you provide a shell command as a single string, you have to quote command-line arguments.
   *
   * @default - CMD value built into container image.
   */
  readonly command?: string[];
  /**
   * A list of ARNs in SSM or Amazon S3 to a credential spec (`CredSpec`) file that configures the container for Active Directory authentication.
   *
   * We recommend that you use this parameter instead of the `dockerSecurityOptions`.
   *
   * Currently, only one credential spec is allowed per container definition.
   *
   * @default - No credential specs.
   */
  readonly credentialSpecs?: ecs.CredentialSpec[];
  /**
   * The minimum number of CPU units to reserve for the container.
   *
   * @default - No minimum CPU units reserved.
   */
  readonly cpu?: number;
  /**
   * Specifies whether networking is disabled within the container.
   *
   * When this parameter is true, networking is disabled within the container.
   *
   * @default false
   */
  readonly disableNetworking?: boolean;
  /**
   * A list of DNS search domains that are presented to the container.
   *
   * @default - No search domains.
   */
  readonly dnsSearchDomains?: string[];
  /**
   * A list of DNS servers that are presented to the container.
   *
   * @default - Default DNS servers.
   */
  readonly dnsServers?: string[];
  /**
   * A key/value map of labels to add to the container.
   *
   * @default - No labels.
   */
  readonly dockerLabels?: {
    [key: string]: string;
  };
  /**
   * A list of strings to provide custom labels for SELinux and AppArmor multi-level security systems.
   *
   * @default - No security labels.
   */
  readonly dockerSecurityOptions?: string[];
  /**
   * The ENTRYPOINT value to pass to the container.
   *
   * @see https://docs.docker.com/engine/reference/builder/#entrypoint
   *
   * @default - Entry point configured in container.
   */
  readonly entryPoint?: string[];
  /**
   * The environment variables to pass to the container.
   *
   * @default - No environment variables.
   */
  readonly environment?: {
    [key: string]: string;
  };
  /**
   * The environment files to pass to the container.
   *
   * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/taskdef-envfiles.html
   *
   * @default - No environment files.
   */
  readonly environmentFiles?: ecs.EnvironmentFile[];
  /**
   * The secret environment variables to pass to the container.
   *
   * @default - No secret environment variables.
   */
  readonly secrets?: {
    [key: string]: ecs.Secret;
  };
  /**
   * Time duration (in seconds) to wait before giving up on resolving dependencies for a container.
   *
   * @default - none
   */
  readonly startTimeout?: Duration;
  /**
   * Time duration (in seconds) to wait before the container is forcefully killed if it doesn't exit normally on its own.
   *
   * @default - none
   */
  readonly stopTimeout?: Duration;
  /**
   * Specifies whether the container is marked essential.
   *
   * If the essential parameter of a container is marked as true, and that container fails
   * or stops for any reason, all other containers that are part of the task are stopped.
   * If the essential parameter of a container is marked as false, then its failure does not
   * affect the rest of the containers in a task. All tasks must have at least one essential container.
   *
   * If this parameter is omitted, a container is assumed to be essential.
   *
   * @default true
   */
  readonly essential?: boolean;
  /**
   * A list of hostnames and IP address mappings to append to the /etc/hosts file on the container.
   *
   * @default - No extra hosts.
   */
  readonly extraHosts?: {
    [name: string]: string;
  };
  /**
   * The health check command and associated configuration parameters for the container.
   *
   * @default - Health check configuration from container.
   */
  readonly healthCheck?: ecs.HealthCheck;
  /**
   * The hostname to use for your container.
   *
   * @default - Automatic hostname.
   */
  readonly hostname?: string;
  /**
   * When this parameter is true, you can deploy containerized applications that require stdin or a tty to be allocated.
   *
   * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecs-taskdefinition-containerdefinition.html#cfn-ecs-taskdefinition-containerdefinition-interactive
   * @default - false
   */
  readonly interactive?: boolean;
  /**
   * Hard memory limit of the container in MiB.
   *
   * @default - kit: main container on Fargate: the task memory minus the sidecars'; main container on EC2: 512; sidecars: 128; with only memoryReservationMiB on Fargate: the task memory (aws-cdk-lib: none)
   */
  readonly memoryLimitMiB?: number;
  /**
   * The soft limit (in MiB) of memory to reserve for the container.
   *
   * When system memory is under heavy contention, Docker attempts to keep the
   * container memory to this soft limit. However, your container can consume more
   * memory when it needs to, up to either the hard limit specified with the memory
   * parameter (if applicable), or all of the available memory on the container
   * instance, whichever comes first.
   *
   * At least one of memoryLimitMiB and memoryReservationMiB is required for non-Fargate services.
   *
   * @default - No memory reserved.
   */
  readonly memoryReservationMiB?: number;
  /**
   * Specifies whether the container is marked as privileged.
   * When this parameter is true, the container is given elevated privileges on the host container instance (similar to the root user).
   *
   * @default false
   */
  readonly privileged?: boolean;
  /**
   * Mount the container's root filesystem read-only. ECS Exec (a service's
   * enableExecuteCommand) turns it off for every container of the task.
   *
   * @default - kit: true on Linux, unset on Windows, which does not support it (aws-cdk-lib: false)
   */
  readonly readonlyRootFilesystem?: boolean;
  /**
   * The user the container runs as: user, user:group, uid, uid:gid, user:gid or uid:group.
   *
   * @default - kit: a non-root uid on Linux: the image's own uid for well-known non-root images (distroless nonroot and Chainguard 65532, nginx-unprivileged 101, Bitnami 1001), otherwise '1000'; unset on Windows (aws-cdk-lib: the image's user, often root)
   */
  readonly user?: string;
  /**
   * Specifies whether Amazon ECS will resolve the container image tag provided
   * in the container definition to an image digest.
   *
   * If you set the value for a container as disabled, Amazon ECS will
   * not resolve the provided container image tag to a digest and will use the
   * original image URI specified in the container definition for deployment.
   *
   * @default VersionConsistency.DISABLED if `image` is a CDK asset, VersionConsistency.ENABLED otherwise
   * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecs-taskdefinition-containerdefinition.html#cfn-ecs-taskdefinition-containerdefinition-versionconsistency
   */
  readonly versionConsistency?: ecs.VersionConsistency;
  /**
   * The working directory in which to run commands inside the container.
   *
   * @default /
   */
  readonly workingDirectory?: string;
  /**
   * Log driver of the container.
   *
   * @default - kit: awslogs to the task's log group, stream prefix = the container name (aws-cdk-lib: none, the Docker daemon's driver)
   */
  readonly logging?: ecs.LogDriver;
  /**
   * Linux-specific modifications that are applied to the container, such as Linux kernel capabilities.
   * For more information see [KernelCapabilities](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_KernelCapabilities.html).
   *
   * @default - No Linux parameters.
   */
  readonly linuxParameters?: ecs.LinuxParameters;
  /**
   * The number of GPUs assigned to the container.
   *
   * @default - No GPUs assigned.
   */
  readonly gpuCount?: number;
  /**
   * The port mappings to add to the container definition.
   * @default - No ports are mapped.
   */
  readonly portMappings?: ecs.PortMapping[];
  /**
   * The inference accelerators referenced by the container.
   * @default - No inference accelerators assigned.
   */
  readonly inferenceAcceleratorResources?: string[];
  /**
   * A list of namespaced kernel parameters to set in the container.
   *
   * @default - No system controls are set.
   * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecs-taskdefinition-systemcontrol.html
   * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_systemcontrols
   */
  readonly systemControls?: ecs.SystemControl[];
  /**
   * When this parameter is true, a TTY is allocated. This parameter maps to Tty in the "Create a container section" of the
   * Docker Remote API and the --tty option to `docker run`.
   *
   * @default - false
   * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_pseudoterminal
   */
  readonly pseudoTerminal?: boolean;
  /**
   * An array of ulimits to set in the container.
   */
  readonly ulimits?: ecs.Ulimit[];
  /**
   * Enable a restart policy for a container.
   *
   * When you set up a restart policy, Amazon ECS can restart the container without needing to replace the task.
   *
   * @default - false unless `restartIgnoredExitCodes` or `restartAttemptPeriod` is set.
   * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/container-restart-policy.html
   */
  readonly enableRestartPolicy?: boolean;
  /**
   * A list of exit codes that Amazon ECS will ignore and not attempt a restart on.
   *
   * This property can't be used if `enableRestartPolicy` is set to false.
   *
   * You can specify a maximum of 50 container exit codes.
   *
   * @default - No exit codes are ignored.
   */
  readonly restartIgnoredExitCodes?: number[];
  /**
   * A period of time that the container must run for before a restart can be attempted.
   *
   * A container can be restarted only once every `restartAttemptPeriod` seconds.
   * If a container isn't able to run for this time period and exits early, it will not be restarted.
   *
   * This property can't be used if `enableRestartPolicy` is set to false.
   *
   * You can set a minimum `restartAttemptPeriod` of 60 seconds and a maximum `restartAttemptPeriod`
   * of 1800 seconds.
   *
   * @default - Duration.seconds(300) if `enableRestartPolicy` is true, otherwise no period.
   */
  readonly restartAttemptPeriod?: Duration;
  /**
   * Writable scratch directories (task-storage bind mounts), for a container
   * whose root filesystem is read-only, e.g. ['/tmp']. ECS creates them owned
   * by root with mode 0755; for a non-root user the task gets a 'scratch-init'
   * container that makes them writable (mode 1777) before this one starts.
   * @default - none
   */
  readonly scratchPaths?: string[];
}
