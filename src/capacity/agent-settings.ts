import { Duration } from 'aws-cdk-lib';

/** How the ECS agent pulls images (ECS_IMAGE_PULL_BEHAVIOR). */
export enum ImagePullBehavior {
  /** Pull from the registry; fall back to the cached image when the pull fails. */
  DEFAULT = 'default',
  /** Always pull; the task fails when the pull fails. */
  ALWAYS = 'always',
  /** Pull only when the image is not cached. */
  ONCE = 'once',
  /** Use the cached image when present, else pull. */
  PREFER_CACHED = 'prefer-cached',
}

/** ECS agent settings, rendered into user data for the image's operating system. */
export interface Ec2AgentSettings {
  /**
   * Block the instance metadata service for tasks in awsvpc network mode
   * (ECS_AWSVPC_BLOCK_IMDS). Bridge-mode tasks are kept away by the IMDS hop limit.
   * @default true
   */
  readonly blockTaskMetadataAccess?: boolean;
  /**
   * Time the agent waits after SIGTERM before it kills a container (ECS_CONTAINER_STOP_TIMEOUT).
   * @default Duration.seconds(30)
   */
  readonly containerStopTimeout?: Duration;
  /**
   * Image pull behaviour (ECS_IMAGE_PULL_BEHAVIOR).
   * @default ImagePullBehavior.DEFAULT
   */
  readonly imagePullBehavior?: ImagePullBehavior;
  /**
   * Drain tasks from a Spot instance when it gets an interruption notice
   * (ECS_ENABLE_SPOT_INSTANCE_DRAINING).
   * @default true
   */
  readonly spotInstanceDraining?: boolean;
}
