/**
 * The ECS service for a Managed Instances task. aws-cdk-lib has no
 * Managed Instances service class (aws-cdk #36035); its FargateService takes
 * MANAGED_INSTANCES task definitions and, with a capacity provider strategy,
 * renders no LaunchType, which is what ECS expects. Ec2Service cannot be used:
 * it demands EC2 capacity on the cluster (aws-cdk #35742, #36098).
 */
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import { ManagedInstancesCapacity } from '../../capacity/managed-instances-capacity';

type CommonProps = Omit<ecs.FargateServiceProps, 'taskDefinition'>;

export function managedInstancesService(
  scope: Construct, common: CommonProps, network: Partial<ecs.FargateServiceProps>,
  taskDefinition: ecs.TaskDefinition, capacity: ManagedInstancesCapacity,
): ecs.BaseService {
  const awsvpc = taskDefinition.networkMode === ecs.NetworkMode.AWS_VPC;
  const service = new ecs.FargateService(scope, 'Service', {
    ...common,
    ...network,
    // Host mode: FargateService always builds an awsvpc configuration; give it the instances'
    // group (no new one) and drop the configuration, which ECS accepts for awsvpc tasks only.
    securityGroups: awsvpc ? network.securityGroups : [capacity.securityGroup],
    taskDefinition,
  });
  if (!awsvpc) (service.node.defaultChild as ecs.CfnService).addPropertyDeletionOverride('NetworkConfiguration');
  return service;
}
