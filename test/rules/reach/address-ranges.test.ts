/**
 * Literal IPv4 CIDR rules that share no address with the peer's subnets do not admit it (found by an adoption user trial:
 * a 192.168.0.0/16 rule for a load balancer in a 10.0.0.0/16 VPC passed ECS-RC-04).
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as ecsPatterns from 'aws-cdk-lib/aws-ecs-patterns';
import * as fc from 'fast-check';
import { runRules } from '../../../src/rules/engine';
import { AssemblyModel } from '../../../src/rules/model';
import { ipv4Range, overlaps } from '../../../src/rules/reach/address-ranges';
import { RC04_LOAD_BALANCER_INGRESS } from '../../../src/rules/reach/rc-04-load-balancer-ingress';
import { RC12_LOAD_BALANCER_EGRESS } from '../../../src/rules/reach/rc-12-load-balancer-egress';
import { RC13_EFS_MOUNT_REACH } from '../../../src/rules/reach/rc-13-efs-mount-reach';
import { RC23_INSTANCE_LOAD_BALANCER_INGRESS } from '../../../src/rules/reach/rc-23-instance-load-balancer-ingress';
import { check, Resources } from '../helpers';
import { albService, efsService, props, ref } from './fixtures';

describe('ipv4Range', () => {
  test('literal CIDRs only; the block is aligned to its prefix', () => {
    expect(ipv4Range('10.0.0.0/16')).toEqual({ first: 167772160, last: 167837695, text: '10.0.0.0/16' });
    expect(ipv4Range('10.0.1.7/24')).toMatchObject({ first: ipv4Range('10.0.1.0/24')!.first, last: ipv4Range('10.0.1.255/32')!.last });
    expect(ipv4Range('0.0.0.0/0')).toMatchObject({ first: 0, last: 2 ** 32 - 1 });
    expect(ipv4Range('255.255.255.255/32')).toMatchObject({ first: 2 ** 32 - 1, last: 2 ** 32 - 1 });
    for (const bad of [undefined, '', '10.0.0.0', '10.0.0.256/16', '10.0.0.0/33', '::/0', 'fd00::/8', '${Token[TOKEN.1]}']) expect(ipv4Range(bad)).toBeUndefined();
  });

  test('overlaps is symmetric and true exactly when one block holds an address of the other (fast-check)', () => {
    const cidr = fc.tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 32 })).map(([n, bits]) =>
      ipv4Range(`${[24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.')}/${bits}`)!);
    fc.assert(fc.property(cidr, cidr, (a, b) => {
      expect(overlaps(a, b)).toBe(overlaps(b, a));
      // Aligned blocks either nest or are apart.
      const nested = (a.first <= b.first && b.last <= a.last) || (b.first <= a.first && a.last <= b.last);
      expect(overlaps(a, b)).toBe(nested);
    }));
  });
});

/** The fixture (ALB in subnets 10.0.0.0/24 and 10.0.1.0/24) with the tasks' only ingress a CIDR rule. */
function albWithCidr(cidr: unknown, type?: string): Resources {
  const r = albService();
  delete r.TaskSgFromLb;
  props(r, 'TaskSg').SecurityGroupIngress = [{ IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, CidrIp: cidr }];
  if (type) props(r, 'Lb').Type = type;
  return r;
}

describe('ECS-RC-04 with CIDR rules', () => {
  test('bad: an Application Load Balancer whose subnets the only CIDR rule misses; the message names both', () => {
    const findings = check(RC04_LOAD_BALANCER_INGRESS, albWithCidr('192.168.0.0/16'));
    expect(findings.map((f) => f.message)).toEqual([
      '[ECS-RC-04] No security group of the tasks (TaskSg) admits load balancer Lb (security group LbSg) on container port 8080/tcp; its CIDR rule '
      + '192.168.0.0/16 covers no address of the load balancer\'s subnets (10.0.0.0/24, 10.0.1.0/24) at TestStack/Service; allowed: ingress from LbSg '
      + '(or a CIDR covering it) on 8080/tcp. Add task security group ingress from the load balancer\'s security group on 8080/tcp '
      + '(service.connections.allowFrom(lb, Port.tcp(8080)); in a template, an AWS::EC2::SecurityGroupIngress on a task group with SourceSecurityGroupId '
      + 'the load balancer\'s group, IpProtocol tcp, FromPort and ToPort 8080).',
    ]);
  });

  test('good: a CIDR that shares an address with a subnet (the VPC, one subnet, a wider block, everything); unresolved CIDRs are not judged', () => {
    for (const cidr of ['10.0.0.0/16', '10.0.1.0/24', '10.0.1.17/32', '10.0.0.0/8', '0.0.0.0/0', { Ref: 'AllowedCidr' }, { 'Fn::ImportValue': 'corp-cidr' }]) {
      expect(check(RC04_LOAD_BALANCER_INGRESS, albWithCidr(cidr))).toEqual([]);
    }
  });

  test('good: a Network Load Balancer is not judged by its subnets (client IP preservation keeps the clients\' addresses)', () => {
    const r = albWithCidr('192.168.0.0/16', 'network');
    delete props(r, 'Lb').SecurityGroups;
    expect(check(RC04_LOAD_BALANCER_INGRESS, r)).toEqual([]);
  });

  test('good: subnets without a literal CidrBlock (IPAM, Fn::Cidr) or outside the assembly leave every CIDR rule admitting', () => {
    const computed = albWithCidr('192.168.0.0/16');
    props(computed, 'SubnetA').CidrBlock = { 'Fn::Select': [0, { 'Fn::Cidr': [{ 'Fn::GetAtt': ['Vpc', 'CidrBlock'] }, 4, 8] }] };
    expect(check(RC04_LOAD_BALANCER_INGRESS, computed)).toEqual([]);
    const imported = albWithCidr('192.168.0.0/16');
    props(imported, 'Lb').Subnets = ['subnet-0123456789abcdef0', ref('SubnetB')];
    expect(check(RC04_LOAD_BALANCER_INGRESS, imported)).toEqual([]);
  });
});

describe('ECS-RC-12 with CIDR egress rules', () => {
  test('bad: the load balancer\'s only egress is a CIDR outside the tasks\' subnets; good: one inside them', () => {
    const egress = (cidr: string) => {
      const r = albService();
      props(r, 'LbSg').SecurityGroupEgress = [{ IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, CidrIp: cidr }];
      return check(RC12_LOAD_BALANCER_EGRESS, r).map((f) => f.message);
    };
    const [message] = egress('172.16.0.0/12');
    expect(message).toContain('no egress rule of its security groups (LbSg) allows it to TaskSg; its CIDR rule 172.16.0.0/12 covers no address of the tasks\' subnets (10.0.0.0/24, 10.0.1.0/24)');
    expect(egress('10.0.0.0/23')).toEqual([]);
  });
});

describe('ECS-RC-13 with CIDR rules on the mount targets', () => {
  /** The RC-13 fixture with its tasks and mount target in subnet 10.1.32.0/19, and NFS open to one CIDR. */
  function efsFrom(cidr: string): Resources {
    const r = efsService();
    r.TaskSubnet = { Type: 'AWS::EC2::Subnet', Properties: { VpcId: 'vpc-1', CidrBlock: '10.1.32.0/19' } };
    props(r, 'Mt').SubnetId = ref('TaskSubnet');
    props(r, 'MtSg').SecurityGroupIngress = [{ IpProtocol: 'tcp', FromPort: 2049, ToPort: 2049, CidrIp: cidr }];
    (props(r, 'Service').NetworkConfiguration as { AwsvpcConfiguration: { Subnets: unknown[] } }).AwsvpcConfiguration.Subnets = [ref('TaskSubnet')];
    return r;
  }

  test('bad: NFS open to a range of another environment\'s VPC; good: the tasks\' VPC range', () => {
    const [message] = check(RC13_EFS_MOUNT_REACH, efsFrom('10.0.0.0/16')).map((f) => f.message);
    expect(message).toContain('admits them on 2049/tcp; its CIDR rule 10.0.0.0/16 covers no address of the tasks\' subnets (10.1.32.0/19) at TestStack/Service');
    expect(check(RC13_EFS_MOUNT_REACH, efsFrom('10.1.0.0/16'))).toEqual([]);
  });
});

describe('ECS-RC-23 with CIDR rules on the instances', () => {
  function plain(cidr: string): string[] {
    const stack = new Stack(new App(), 'Plain');
    const vpc = new ec2.Vpc(stack, 'Vpc', { ipAddresses: ec2.IpAddresses.cidr('10.20.0.0/16'), maxAzs: 2, natGateways: 1 });
    const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
    const asg = new autoscaling.AutoScalingGroup(stack, 'Asg', {
      vpc, instanceType: new ec2.InstanceType('m6i.large'), machineImage: ecs.EcsOptimizedImage.amazonLinux2023(), maxCapacity: 2,
    });
    const provider = new ecs.AsgCapacityProvider(stack, 'Provider', { autoScalingGroup: asg, enableManagedTerminationProtection: false });
    cluster.addAsgCapacityProvider(provider);
    const task = new ecs.Ec2TaskDefinition(stack, 'Task');
    task.addContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), memoryLimitMiB: 256, portMappings: [{ containerPort: 80 }] });
    new ecsPatterns.ApplicationLoadBalancedEc2Service(stack, 'Web', {
      cluster, taskDefinition: task, desiredCount: 1, capacityProviderStrategies: [{ capacityProvider: provider.capacityProviderName, weight: 1 }],
    });
    // A copied rule with the VPC range of another environment.
    asg.connections.allowFrom(ec2.Peer.ipv4(cidr), ec2.Port.tcpRange(32768, 65535));
    const model = new AssemblyModel([{ name: stack.stackName, template: Template.fromStack(stack).toJSON() }]);
    return runRules(model, { rules: [RC23_INSTANCE_LOAD_BALANCER_INGRESS] }).map((f) => f.message);
  }

  test('bad: the instances admit the dynamic ports from 10.0.0.0/16 but the ALB is in 10.20.0.0/16; good: the right range', () => {
    const [message] = plain('10.0.0.0/16');
    expect(message).toMatch(/admits load balancer WebLB\w+ .* on the dynamic host ports 32768-65535\/tcp of container port 80 \(bridge mode\); its CIDR rule 10\.0\.0\.0\/16 covers no address of the load balancer's subnets \(10\.20\.0\.0\/18, 10\.20\.64\.0\/18\)/);
    expect(plain('10.20.0.0/16')).toEqual([]);
  });
});
