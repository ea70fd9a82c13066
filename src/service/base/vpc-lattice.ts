/**
 * VPC Lattice for a kit service (AWS::ECS::Service VpcLatticeConfigurations,
 * no L2 in aws-cdk-lib 2.276): ECS registers the tasks' IPs in a VPC Lattice
 * target group through an ECS infrastructure role.
 */
import { Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as vpclattice from 'aws-cdk-lib/aws-vpclattice';
import { Construct } from 'constructs';
import { fail } from '../../errors';
import { validateWithRules } from '../../plugin/resource-validation';

const LATTICE_POLICY = 'AmazonECSInfrastructureRolePolicyForVpcLattice';

/** Register the service's tasks in a VPC Lattice target group. */
export interface VpcLatticeOptions {
  /** Named port mapping to register (ECS-LT-02): of the main container, or of a sidecar. */
  readonly portMappingName: string;
  /**
   * ARN of an existing VPC Lattice target group (type IP, in the service's VPC).
   * @default - a new IP target group in the cluster's VPC on the port mapping's container port, HTTP/1.1
   */
  readonly targetGroupArn?: string;
  /**
   * ECS infrastructure role that registers and deregisters the tasks.
   * @default - a new role trusted by ecs.amazonaws.com with AmazonECSInfrastructureRolePolicyForVpcLattice
   */
  readonly role?: iam.IRole;
}

/** Render VpcLatticeConfigurations on the service; returns the target group ARN. */
export function addVpcLattice(
  scope: Construct, service: ecs.BaseService, containers: readonly ecs.ContainerDefinition[], vpc: ec2.IVpc, options: VpcLatticeOptions,
): string {
  const path = scope.node.path;
  // The name may be on any container of the task, as for Service Connect.
  const mappings = containers.flatMap((c) => c.portMappings);
  const mapping = mappings.find((pm) => pm.name === options.portMappingName);
  if (!mapping) {
    fail({
      code: 'ECS-LT-02',
      path,
      problem: `vpcLattice.portMappingName '${options.portMappingName}' is not a port mapping of any container of the task`,
      allowed: `a named port mapping: ${mappings.map((pm) => pm.name).filter((n) => n).join(', ') || 'none named'}`,
      fix: 'Name the port mapping on the container ({ containerPort, name }), or use one of its names.',
    });
  }
  const targetGroupArn = options.targetGroupArn ?? new vpclattice.CfnTargetGroup(scope, 'LatticeTargetGroup', {
    type: 'IP',
    config: { port: mapping.containerPort, protocol: 'HTTP', protocolVersion: 'HTTP1', vpcIdentifier: vpc.vpcId, ipAddressType: 'IPV4' },
  }).attrArn;
  const role = options.role ?? createLatticeRole(scope);
  const cfn = service.node.defaultChild as ecs.CfnService;
  cfn.addPropertyOverride('VpcLatticeConfigurations', [{ RoleArn: role.roleArn, TargetGroupArn: targetGroupArn, PortName: options.portMappingName }]);
  service.node.addDependency(role);
  validateWithRules(scope, cfn, ['ECS-LT-01', 'ECS-LT-03']);
  return targetGroupArn;
}

function createLatticeRole(scope: Construct): iam.IRole {
  // Trust as AWS documents it for the ECS infrastructure role.
  const role = new iam.Role(scope, 'LatticeRole', {
    assumedBy: new iam.ServicePrincipal('ecs.amazonaws.com'),
    description: `ECS infrastructure role of ${scope.node.path}: VPC Lattice target registration`,
    managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName(LATTICE_POLICY)],
  });
  Validations.of(role).acknowledge({
    id: `AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/${LATTICE_POLICY}]`,
    reason: 'AWS documents this AWS-maintained policy for the ECS infrastructure role that registers tasks in VPC Lattice target groups.',
  });
  return role;
}
