/** ECS-RC-23: container instance security groups must admit the load balancer (aws-cdk#22764: addAsgCapacityProvider). */
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as ecsPatterns from 'aws-cdk-lib/aws-ecs-patterns';
import { runRules } from '../../../src/rules/engine';
import { AssemblyModel } from '../../../src/rules/model';
import { RC23_INSTANCE_LOAD_BALANCER_INGRESS as rule } from '../../../src/rules/reach/rc-23-instance-load-balancer-ingress';
import { WebService } from '../../../src/service';
import { Ec2Task } from '../../../src/task';

const IMAGE = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');
const messages = (stack: Stack) =>
  runRules(new AssemblyModel([{ name: stack.stackName, template: Template.fromStack(stack).toJSON() }]), { rules: [rule] }).map((f) => f.message);

interface Options {
  readonly provider?: boolean;
  readonly networkMode?: ecs.NetworkMode;
  readonly hostPort?: number;
  readonly open?: (asg: autoscaling.AutoScalingGroup, service: ecsPatterns.ApplicationLoadBalancedEc2Service) => void;
}

/** ecs-patterns' ALB EC2 service on an ecs.Cluster whose instances come from addAsgCapacityProvider (or addCapacity). */
function plain(o: Options = {}) {
  const stack = new Stack(new App(), 'Plain');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
  let asg: autoscaling.AutoScalingGroup;
  if (o.provider ?? true) {
    asg = new autoscaling.AutoScalingGroup(stack, 'Asg', {
      vpc, instanceType: new ec2.InstanceType('m6i.large'), machineImage: ecs.EcsOptimizedImage.amazonLinux2023(), maxCapacity: 2,
    });
    const provider = new ecs.AsgCapacityProvider(stack, 'Provider', { autoScalingGroup: asg, enableManagedTerminationProtection: false });
    cluster.addAsgCapacityProvider(provider);
  } else {
    asg = cluster.addCapacity('Instances', { instanceType: new ec2.InstanceType('m6i.large'), maxCapacity: 2 });
  }
  const task = new ecs.Ec2TaskDefinition(stack, 'Task', { networkMode: o.networkMode });
  task.addContainer('web', { image: IMAGE, memoryLimitMiB: 256, portMappings: [{ containerPort: 80, hostPort: o.hostPort }] });
  const service = new ecsPatterns.ApplicationLoadBalancedEc2Service(stack, 'Web', {
    cluster,
    taskDefinition: task,
    desiredCount: 1,
    capacityProviderStrategies: o.provider ?? true ? [{ capacityProvider: cluster.capacityProviderNames[0], weight: 1 }] : undefined,
  });
  o.open?.(asg, service);
  return stack;
}

describe('ECS-RC-23 with the instances and the load balancer in two stacks (found by an adoption user trial)', () => {
  function twoStacks(fixed: boolean) {
    const app = new App();
    const net = new Stack(app, 'Net');
    const vpc = new ec2.Vpc(net, 'Vpc', { maxAzs: 2, natGateways: 1 });
    const cluster = new ecs.Cluster(net, 'Cluster', { vpc });
    const asg = new autoscaling.AutoScalingGroup(net, 'Asg', {
      vpc, instanceType: new ec2.InstanceType('m6i.large'), machineImage: ecs.EcsOptimizedImage.amazonLinux2023(), maxCapacity: 2,
    });
    const provider = new ecs.AsgCapacityProvider(net, 'Provider', { autoScalingGroup: asg, enableManagedTerminationProtection: false });
    cluster.addAsgCapacityProvider(provider);
    const svc = new Stack(app, 'Svc');
    const task = new ecs.Ec2TaskDefinition(svc, 'Task');
    task.addContainer('web', { image: IMAGE, memoryLimitMiB: 256, portMappings: [{ containerPort: 80 }] });
    const web = new ecsPatterns.ApplicationLoadBalancedEc2Service(svc, 'Web', {
      cluster, taskDefinition: task, desiredCount: 1, capacityProviderStrategies: [{ capacityProvider: provider.capacityProviderName, weight: 1 }],
    });
    if (fixed) {
      // The fix the message names: the rule in the load balancer's stack.
      new ec2.CfnSecurityGroupIngress(svc, 'InstancesFromLb', {
        groupId: asg.connections.securityGroups[0].securityGroupId,
        sourceSecurityGroupId: web.loadBalancer.connections.securityGroups[0].securityGroupId,
        ipProtocol: 'tcp',
        fromPort: 32768,
        toPort: 65535,
      });
    }
    const model = new AssemblyModel([net, svc].map((s) => ({ name: s.stackName, template: Template.fromStack(s).toJSON() })));
    return runRules(model, { rules: [rule] }).map((f) => f.message);
  }

  test('bad: the fix names a CfnSecurityGroupIngress in the load balancer\'s stack (allowFrom there is a cycle); good once it is there', () => {
    expect(twoStacks(false)).toEqual([expect.stringContaining('Add it in the load balancer\'s stack (autoScalingGroup.connections.allowFrom would put it in '
      + 'the group\'s stack, a dependency cycle): new ec2.CfnSecurityGroupIngress(loadBalancerStack, \'InstancesFromLb\', { groupId: '
      + 'instanceSecurityGroup.securityGroupId, sourceSecurityGroupId: loadBalancerSecurityGroup.securityGroupId, ipProtocol: \'tcp\', fromPort: 32768, toPort: 65535 }).')]);
    expect(twoStacks(true)).toEqual([]);
  });
});

describe('ECS-RC-23 on ecs-patterns services', () => {
  test('bad: bridge tasks on an addAsgCapacityProvider group: nothing admits the load balancer on the dynamic host ports', () => {
    expect(messages(plain())).toEqual([
      '[ECS-RC-23] No security group of the container instances (AsgInstanceSecurityGroupC53F1492) admits load balancer WebLB720665E7 (security group '
      + 'WebLBSecurityGroupAD942A36) on the dynamic host ports 32768-65535/tcp of container port 80 (bridge mode) at Plain/WebServiceD04B5F3E; '
      + 'allowed: instance security group ingress from the load balancer\'s security group on 32768-65535/tcp. Add it: '
      + 'autoScalingGroup.connections.allowFrom(loadBalancer, Port.tcpRange(32768, 65535)). aws-cdk-lib services on a cluster whose group came from '
      + 'Cluster.addAsgCapacityProvider open nothing on it (aws-cdk#22764); kit services open their host ports, but not a separate health check port.',
    ]);
  });

  test('bad: a fixed host port and host mode name that port', () => {
    expect(messages(plain({ hostPort: 8080 }))).toEqual([expect.stringContaining('on host port 8080/tcp (container port 80)')]);
    expect(messages(plain({ networkMode: ecs.NetworkMode.HOST }))).toEqual([expect.stringContaining('on host port 80/tcp (host mode)')]);
  });

  test('bad: a rule on the wrong port does not count', () => {
    const wrong = plain({ hostPort: 8080, open: (asg, s) => asg.connections.allowFrom(s.loadBalancer, ec2.Port.tcp(80)) });
    expect(messages(wrong)).toEqual([expect.stringContaining('on host port 8080')]);
  });

  test('good: addCapacity (aws-cdk-lib opens the range), or the group opened by hand, also on part of the range', () => {
    expect(messages(plain({ provider: false }))).toEqual([]);
    expect(messages(plain({ open: (asg, s) => asg.connections.allowFrom(s.loadBalancer, ec2.Port.tcpRange(32768, 65535)) }))).toEqual([]);
    // The ECS-optimized AMI's ephemeral range is 32768-61000: a rule over it is enough.
    expect(messages(plain({ open: (asg, s) => asg.connections.allowFrom(s.loadBalancer, ec2.Port.tcpRange(32768, 61000)) }))).toEqual([]);
    expect(messages(plain({ open: (asg) => asg.connections.allowFrom(ec2.Peer.ipv4('10.0.0.0/16'), ec2.Port.allTcp()) }))).toEqual([]);
  });

  test('bad: a Network Load Balancer without security groups: the fix names the VPC range and, when public, the clients', () => {
    const stack = new Stack(new App(), 'Nlb');
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
    const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
    const asg = new autoscaling.AutoScalingGroup(stack, 'Asg', {
      vpc, instanceType: new ec2.InstanceType('m6i.large'), machineImage: ecs.EcsOptimizedImage.amazonLinux2023(), maxCapacity: 2,
    });
    const provider = new ecs.AsgCapacityProvider(stack, 'Provider', { autoScalingGroup: asg, enableManagedTerminationProtection: false });
    cluster.addAsgCapacityProvider(provider);
    new ecsPatterns.NetworkLoadBalancedEc2Service(stack, 'Nlb', {
      cluster,
      memoryLimitMiB: 256,
      taskImageOptions: { image: IMAGE },
      capacityProviderStrategies: [{ capacityProvider: provider.capacityProviderName, weight: 1 }],
    });
    expect(messages(stack)).toEqual([expect.stringContaining('(no security groups: only CIDR rules match it)')]);
    expect(messages(stack)[0]).toContain('allowFrom(Peer.ipv4(vpc.vpcCidrBlock), Port.tcpRange(32768, 65535)), and for an internet-facing Network Load Balancer its clients\' addresses too');
  });

  test('good: awsvpc services are ECS-RC-04\'s', () => {
    expect(messages(plain({ networkMode: ecs.NetworkMode.AWS_VPC }))).toEqual([]);
  });
});

describe('ECS-RC-23 on a kit WebService on a plain ecs.Cluster with addAsgCapacityProvider', () => {
  test('good: the kit opens the dynamic host ports on the provider\'s group', () => {
    const stack = new Stack(new App(), 'Kit');
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
    const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
    const asg = new autoscaling.AutoScalingGroup(stack, 'Asg', {
      vpc, instanceType: new ec2.InstanceType('m6i.large'), machineImage: ecs.EcsOptimizedImage.amazonLinux2023(), maxCapacity: 2,
    });
    cluster.addAsgCapacityProvider(new ecs.AsgCapacityProvider(stack, 'Provider', { autoScalingGroup: asg, enableManagedTerminationProtection: false }));
    const task = new Ec2Task(stack, 'Task', { networkMode: ecs.NetworkMode.BRIDGE, container: { image: IMAGE, portMappings: [{ containerPort: 80 }] } });
    const certificate = acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:eu-west-1:123456789012:certificate/abc');
    new WebService(stack, 'Web', { cluster, task, certificate, accessLogs: false });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::EC2::SecurityGroupIngress', { FromPort: 32768, ToPort: 65535, GroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AsgInstanceSecurityGroup'), 'GroupId'] } });
    expect(messages(stack)).toEqual([]);
  });
});
