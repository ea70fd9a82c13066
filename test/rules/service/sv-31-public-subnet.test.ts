/** ECS-SV-31: Fargate tasks in public subnets without a public IP. */
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
    r.Endpoint = { Type: 'AWS::EC2::VPCEndpoint', Properties: { ServiceName: 'com.amazonaws.eu-west-1.ecr.dkr', VpcId: 'vpc-1' } };
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
    const ecr = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1';
    expect(check(SV31_PUBLIC_SUBNET_NO_PUBLIC_IP, template('DISABLED', { image: ecr, endpoint: true }))).toEqual([]);
    expect(check(SV31_PUBLIC_SUBNET_NO_PUBLIC_IP, template('DISABLED', { image: ecr }))).toHaveLength(1);
  });

  test('token: an unresolved AssignPublicIp or a subnet outside the template is skipped', () => {
    expect(check(SV31_PUBLIC_SUBNET_NO_PUBLIC_IP, template({ Ref: 'AssignParam' }))).toEqual([]);
    expect(check(SV31_PUBLIC_SUBNET_NO_PUBLIC_IP, template('DISABLED', { subnet: { 'Fn::ImportValue': 'shared-subnet' } }))).toEqual([]);
  });
});
