/** Fixtures for task and container rule tests that need a service or several containers. */
import { fargateTask, Resources } from '../helpers';

/** A Fargate task definition with the given container definitions. */
export function taskWith(containers: Record<string, unknown>[], props: Record<string, unknown> = {}): Resources[string] {
  return fargateTask({ ContainerDefinitions: containers, ...props });
}

/** An EC2 (bridge) task definition with the given container definitions. */
export function ec2TaskWith(containers: Record<string, unknown>[], props: Record<string, unknown> = {}): Resources[string] {
  return { Type: 'AWS::ECS::TaskDefinition', Properties: { ContainerDefinitions: containers, ...props } };
}

/** A service running the task definition with logical id `taskId`. */
export function serviceOf(taskId: string, props: Record<string, unknown> = {}): Resources[string] {
  return { Type: 'AWS::ECS::Service', Properties: { Cluster: 'c', TaskDefinition: { Ref: taskId }, ...props } };
}

export const WINDOWS = { OperatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' };

/** A CDK token string as found in unresolved values. */
export const TOKEN = '${Token[TOKEN.123]}';
