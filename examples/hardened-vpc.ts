/**
 * How to build a VPC that passes the compliance packs, for the example app
 * and the compliance tests (the kit's constructs take the user's own VPC):
 * isolated subnets with VPC endpoints (no route to an internet gateway),
 * flow logs to an encrypted log group with retention, through a role with a
 * managed policy only. In your app, import KmsKeys from 'cdk-ecs-kit'.
 */
import { Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { KmsKeys } from '../src/security/kms-keys';

/** The example VPC's CIDR, for security-group rules that must name it literally. */
export const VPC_CIDR = '10.20.0.0/16';

const INTERFACE_ENDPOINTS = [
  ec2.InterfaceVpcEndpointAwsService.ECS, ec2.InterfaceVpcEndpointAwsService.ECS_AGENT,
  ec2.InterfaceVpcEndpointAwsService.ECS_TELEMETRY, ec2.InterfaceVpcEndpointAwsService.ECR,
  ec2.InterfaceVpcEndpointAwsService.ECR_DOCKER, ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
  ec2.InterfaceVpcEndpointAwsService.SSM, ec2.InterfaceVpcEndpointAwsService.SSM_MESSAGES,
  ec2.InterfaceVpcEndpointAwsService.EC2_MESSAGES,
  // Queue workers poll SQS (ECS-RC-15).
  ec2.InterfaceVpcEndpointAwsService.SQS,
];

export function hardenedVpc(scope: Construct, id: string): ec2.Vpc {
  const vpc = new ec2.Vpc(scope, id, {
    ipAddresses: ec2.IpAddresses.cidr(VPC_CIDR),
    maxAzs: 2,
    natGateways: 0,
    subnetConfiguration: [{ name: 'Private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
  });
  vpc.addGatewayEndpoint('S3', { service: ec2.GatewayVpcEndpointAwsService.S3 });
  // A literal CIDR: the packs cannot read ingress rules that reference the VPC's CidrBlock attribute.
  const endpointSg = new ec2.SecurityGroup(scope, `${id}EndpointSg`, { vpc, allowAllOutbound: false, description: 'VPC endpoints: HTTPS from the VPC' });
  endpointSg.addIngressRule(ec2.Peer.ipv4(VPC_CIDR), ec2.Port.tcp(443), 'HTTPS from the VPC');
  INTERFACE_ENDPOINTS.forEach((service, i) => vpc.addInterfaceEndpoint(`Endpoint${i}`, { service, open: false, securityGroups: [endpointSg] }));

  const key = KmsKeys.create(scope, `${id}FlowLogKey`, { description: 'VPC flow logs', forCloudWatchLogs: true });
  const logGroup = new logs.LogGroup(scope, `${id}FlowLogs`, { retention: logs.RetentionDays.ONE_YEAR, encryptionKey: key });
  const role = new iam.Role(scope, `${id}FlowLogRole`, { assumedBy: new iam.ServicePrincipal('vpc-flow-logs.amazonaws.com') });
  new iam.ManagedPolicy(scope, `${id}FlowLogPolicy`, {
    roles: [role],
    statements: [new iam.PolicyStatement({
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
      resources: [logGroup.logGroupArn],
    })],
  });
  // withoutPolicyUpdates: aws-cdk-lib would otherwise add the same rights as an inline policy.
  vpc.addFlowLog('FlowLog', { destination: ec2.FlowLogDestination.toCloudWatchLogs(logGroup, role.withoutPolicyUpdates()) });
  Validations.of(vpc).acknowledge(...['HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321'].map((pack) => ({
    id: `${pack}::${pack}-VPCDefaultSecurityGroupClosed`,
    reason: 'Nothing uses the default security group; closing it needs aws-cdk-lib\'s custom-resource Lambda '
      + '(restrictDefaultSecurityGroup), which trips Lambda rules in the same packs.',
  })));
  return vpc;
}
