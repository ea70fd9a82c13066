/** ECS-SV-31: Fargate tasks in public subnets without a public IP. */
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { runRules } from '../../../src/rules/engine';
import { AssemblyModel } from '../../../src/rules/model';
import { SV31_PUBLIC_SUBNET_NO_PUBLIC_IP } from '../../../src/rules/service/sv-31-public-subnet-no-public-ip';
import { check, fargateTask, Resources } from '../helpers';

function template(assign: unknown, options: { igw?: boolean; image?: string; endpoint?: boolean; subnet?: unknown } = {}): Resources {
  const r: Resources = {
    Subnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: 'vpc-1', CidrBlock: '10.0.0.0/24' } },
    Table: { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: 'vpc-1' } },
    Assoc: { Type: 'AWS::EC2::SubnetRouteTableAssociation', Properties: { SubnetId: { Ref: 'Subnet' }, RouteTableId: { Ref: 'Table' } } },
    Igw: { Type: 'AWS::EC2::InternetGateway', Properties: {} },
    Task: fargateTask({ ContainerDefinitions: [{ Name: 'app', Image: options.image ?? 'public.ecr.aws/nginx/nginx:1.27', Essential: true }] }),
    Svc: {
      Type: 'AWS::ECS::Service',
      Properties: {
        TaskDefinition: { Ref: 'Task' },
        CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE', Weight: 1 }],
        NetworkConfiguration: { AwsvpcConfiguration: { Subnets: [options.subnet ?? { Ref: 'Subnet' }], ...assign === undefined ? {} : { AssignPublicIp: assign } } },
      },
    },
  };
  if (options.igw ?? true) {
    r.Route = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: { Ref: 'Table' }, DestinationCidrBlock: '0.0.0.0/0', GatewayId: { Ref: 'Igw' } } };
  }
  if (options.endpoint) {
    r.Endpoint = { Type: 'AWS::EC2::VPCEndpoint', Properties: { ServiceName: 'com.amazonaws.eu-west-1.ecr.dkr', VpcId: 'vpc-1', VpcEndpointType: 'Interface' } };
  }
  return r;
}

describe('ECS-SV-31 public subnet without a public IP', () => {
  test('bad: DISABLED, or omitted, in a subnet routed to an internet gateway', () => {
    for (const assign of ['DISABLED', undefined]) {
      const findings = check(SV31_PUBLIC_SUBNET_NO_PUBLIC_IP, template(assign));
      expect(findings).toHaveLength(1);
      expect(findings[0].message).toMatch(/^\[ECS-SV-31\] Fargate tasks run in public subnet Subnet \(routed to an internet gateway\)/);
    }
  });

  test('good: ENABLED; a private subnet; ECR images with an ECR endpoint', () => {
    expect(check(SV31_PUBLIC_SUBNET_NO_PUBLIC_IP, template('ENABLED'))).toEqual([]);
    expect(check(SV31_PUBLIC_SUBNET_NO_PUBLIC_IP, template('DISABLED', { igw: false }))).toEqual([]);
    const ecrImage = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1';
    expect(check(SV31_PUBLIC_SUBNET_NO_PUBLIC_IP, template('DISABLED', { image: ecrImage, endpoint: true }))).toEqual([]);
    expect(check(SV31_PUBLIC_SUBNET_NO_PUBLIC_IP, template('DISABLED', { image: ecrImage }))).toHaveLength(1);
  });

  test('good: a dual-stack private subnet, IPv4 through a NAT gateway and ::/0 to the internet gateway (routes per IP version)', () => {
    const dualStack = template('DISABLED', { igw: false });
    dualStack.Nat = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: { Ref: 'Table' }, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1' } };
    dualStack.V6 = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: { Ref: 'Table' }, DestinationIpv6CidrBlock: '::/0', GatewayId: { Ref: 'Igw' } } };
    expect(check(SV31_PUBLIC_SUBNET_NO_PUBLIC_IP, dualStack)).toEqual([]);
    // Still public when the IPv4 default route is the internet gateway too.
    const publicDualStack = template('DISABLED');
    publicDualStack.V6 = dualStack.V6;
    expect(check(SV31_PUBLIC_SUBNET_NO_PUBLIC_IP, publicDualStack)).toHaveLength(1);
  });

  test('good: a private subnet with a narrower route to the internet gateway beside its NAT default route (longest prefix wins)', () => {
    const r = template('DISABLED', { igw: false });
    r.Nat = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: { Ref: 'Table' }, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1' } };
    r.Partner = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: { Ref: 'Table' }, DestinationCidrBlock: '203.0.113.0/24', GatewayId: { Ref: 'Igw' } } };
    expect(check(SV31_PUBLIC_SUBNET_NO_PUBLIC_IP, r)).toEqual([]);
    // The default route to the internet gateway, beside the narrower one, is still public; an unresolved destination is skipped.
    const both = template('DISABLED');
    both.Partner = r.Partner;
    expect(check(SV31_PUBLIC_SUBNET_NO_PUBLIC_IP, both)).toHaveLength(1);
    const unresolved = template('DISABLED');
    (unresolved.Route.Properties as Record<string, unknown>).DestinationCidrBlock = { Ref: 'Destination' };
    expect(check(SV31_PUBLIC_SUBNET_NO_PUBLIC_IP, unresolved)).toEqual([]);
  });

  test('token: an unresolved AssignPublicIp or a subnet outside the template is skipped', () => {
    expect(check(SV31_PUBLIC_SUBNET_NO_PUBLIC_IP, template({ Ref: 'AssignParam' }))).toEqual([]);
    expect(check(SV31_PUBLIC_SUBNET_NO_PUBLIC_IP, template('DISABLED', { subnet: { 'Fn::ImportValue': 'shared-subnet' } }))).toEqual([]);
  });

  test('ECR images with the ECR endpoints in the network stack (VPC, subnets and endpoints in another stack): silent', () => {
    const build = (endpoints: boolean) => {
      const app = new App();
      const net = new Stack(app, 'Net');
      const vpc = new ec2.Vpc(net, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'pub', subnetType: ec2.SubnetType.PUBLIC }] });
      if (endpoints) {
        vpc.addInterfaceEndpoint('EcrApi', { service: ec2.InterfaceVpcEndpointAwsService.ECR });
        vpc.addInterfaceEndpoint('EcrDkr', { service: ec2.InterfaceVpcEndpointAwsService.ECR_DOCKER });
        vpc.addGatewayEndpoint('S3', { service: ec2.GatewayVpcEndpointAwsService.S3 });
      }
      const svc = new Stack(app, 'Svc');
      const td = new ecs.FargateTaskDefinition(svc, 'Td');
      td.addContainer('app', { image: ecs.ContainerImage.fromEcrRepository(new ecr.Repository(svc, 'Repo'), 'v1') });
      new ecs.FargateService(svc, 'Service', {
        cluster: new ecs.Cluster(svc, 'C', { vpc }), taskDefinition: td, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC }, assignPublicIp: false,
      });
      const asm = app.synth();
      const model = new AssemblyModel(asm.stacks.map((st) => ({ name: st.stackName, template: st.template })));
      return runRules(model, { rules: [SV31_PUBLIC_SUBNET_NO_PUBLIC_IP] });
    };
    expect(build(true)).toEqual([]);
    const [f] = build(false);
    expect(f.message).toMatch(/^\[ECS-SV-31\] Fargate tasks run in public subnets Net\/VpcpubSubnet1Subnet\w+, Net\/VpcpubSubnet2Subnet\w+ \(routed to an internet gateway\)/);
  });
});
