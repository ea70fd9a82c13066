/**
 * The security groups of a kit service's awsvpc tasks: its own group (what the service admits opens it), and the
 * groups it joins besides (additionalSecurityGroups), which stay out of its connections.
 */
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import { ReplicaServiceProps } from './service-props';
import { fail } from '../../errors';

/** A task joins 5 security groups at most: its own and 4 more. */
const MAX_ADDITIONAL_GROUPS = 4;

/**
 * The tasks' own group (the given one, or a new group with no inbound rules), and the additional groups, for awsvpc tasks;
 * nothing for bridge and host tasks, which may not set the awsvpc props.
 */
export function taskSecurityGroups(scope: Construct, path: string, props: ReplicaServiceProps, vpc: ec2.IVpc, networkMode: ecs.NetworkMode)
  : { own?: ec2.ISecurityGroup; additional: readonly ec2.ISecurityGroup[] } {
  if (networkMode !== ecs.NetworkMode.AWS_VPC) {
    if (props.securityGroup || props.additionalSecurityGroups || props.vpcSubnets || props.assignPublicIp) {
      fail({
        code: 'KIT-SERVICE-NETWORK-MODE',
        path,
        problem: `securityGroup/additionalSecurityGroups/vpcSubnets/assignPublicIp are set but the task uses network mode ${networkMode}`,
        allowed: 'securityGroup, additionalSecurityGroups, vpcSubnets and assignPublicIp with awsvpc tasks only',
        fix: 'Remove them; bridge and host tasks use the instances\' security group.',
      });
    }
    return { additional: [] };
  }
  const additional = props.additionalSecurityGroups ?? [];
  if (additional.length > MAX_ADDITIONAL_GROUPS) {
    fail({
      code: 'ECS-SV-20',
      path,
      problem: `additionalSecurityGroups has ${additional.length} security groups: with the service's own group its tasks would join ${additional.length + 1}`,
      allowed: `at most ${MAX_ADDITIONAL_GROUPS} additional security groups (5 per awsvpc configuration, not adjustable)`,
      fix: `Pass at most ${MAX_ADDITIONAL_GROUPS}, or merge groups.`,
    });
  }
  const own = props.securityGroup ?? new ec2.SecurityGroup(scope, 'SecurityGroup', {
    vpc,
    allowAllOutbound: true,
    description: `Tasks of ${path}: ingress only from the service clients`,
  });
  return { own, additional };
}

/** Joined, not connected: what the service admits (its load balancer, allowFrom peers) opens its own group only. */
export function joinAdditionalGroups(service: ecs.BaseService, own: ec2.ISecurityGroup, additional: readonly ec2.ISecurityGroup[]): void {
  if (additional.length === 0) return;
  (service.node.defaultChild as ecs.CfnService).addPropertyOverride('NetworkConfiguration.AwsvpcConfiguration.SecurityGroups',
    [own.securityGroupId, ...additional.map((g) => g.securityGroupId)]);
}
