/** A WebService on Windows EC2 capacity in NAT mode (the Windows default): found by a user trial. */
import { Match } from 'aws-cdk-lib/assertions';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { certificate, fixture, synthOnce } from './helpers';
import { Ec2CapacityImage } from '../../src/capacity';
import { WebService } from '../../src/service';
import { Ec2Task } from '../../src/task';

const IIS = ecs.ContainerImage.fromRegistry('mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022');

function build(hostPort?: number) {
  const f = fixture();
  const capacity = f.cluster.addEc2Capacity('Windows', { image: Ec2CapacityImage.windowsServer() });
  const task = new Ec2Task(f.stack, 'WinTask', {
    windows: true,
    networkMode: ecs.NetworkMode.NAT,
    container: { image: IIS, memoryLimitMiB: 2048, portMappings: [{ containerPort: 80, hostPort }] },
  });
  new WebService(f.stack, 'Iis', { cluster: f.cluster, task, capacity, certificate: certificate(f.stack), accessLogs: false });
  return synthOnce(f.app, f.stack).t;
}

const ingress = (from: number, to: number) => Match.objectLike({
  IpProtocol: 'tcp', FromPort: from, ToPort: to, SourceSecurityGroupId: Match.anyValue(),
});

describe('WebService on a Windows NAT-mode Ec2Task', () => {
  test('opens the Windows ephemeral host port range (49152-65535) on the instances to the load balancer', () => {
    const t = build();
    t.hasResourceProperties('AWS::EC2::SecurityGroupIngress', ingress(49152, 65535));
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { TargetType: 'instance', Port: 80 });
    // Bridge's wider Linux range is not opened for a Windows task.
    expect(Object.values(t.findResources('AWS::EC2::SecurityGroupIngress')).some((r) => r.Properties.FromPort === 32768)).toBe(false);
  });

  test('a fixed host port opens only that port', () => {
    const t = build(8080);
    t.hasResourceProperties('AWS::EC2::SecurityGroupIngress', ingress(8080, 8080));
    expect(Object.values(t.findResources('AWS::EC2::SecurityGroupIngress')).some((r) => r.Properties.FromPort === 49152)).toBe(false);
  });

  test('allowTaskTraffic in NAT mode, called directly', () => {
    const f = fixture();
    const capacity = f.cluster.addEc2Capacity('Windows', { image: Ec2CapacityImage.windowsServer() });
    capacity.allowTaskTraffic(new ec2.SecurityGroup(f.stack, 'Peer', { vpc: f.vpc }), ecs.NetworkMode.NAT, 80);
    synthOnce(f.app, f.stack).t.hasResourceProperties('AWS::EC2::SecurityGroupIngress', ingress(49152, 65535));
  });

  test('on a plain ecs.Cluster\'s Windows Auto Scaling group: the Windows range too, not the container port', () => {
    const f = fixture();
    const cluster = new ecs.Cluster(f.stack, 'Plain', { vpc: f.vpc });
    const asg = new autoscaling.AutoScalingGroup(f.stack, 'Asg', {
      vpc: f.vpc,
      instanceType: new ec2.InstanceType('m6i.large'),
      machineImage: ecs.EcsOptimizedImage.windows(ecs.WindowsOptimizedVersion.SERVER_2022),
    });
    cluster.addAsgCapacityProvider(new ecs.AsgCapacityProvider(f.stack, 'Provider', { autoScalingGroup: asg, enableManagedTerminationProtection: false }));
    const task = new Ec2Task(f.stack, 'WinTask', {
      windows: true,
      networkMode: ecs.NetworkMode.NAT,
      container: { image: IIS, memoryLimitMiB: 2048, portMappings: [{ containerPort: 80 }] },
    });
    new WebService(f.stack, 'Iis', { cluster, task, certificate: certificate(f.stack), accessLogs: false });
    const t = synthOnce(f.app, f.stack).t;
    t.hasResourceProperties('AWS::EC2::SecurityGroupIngress', ingress(49152, 65535));
    expect(Object.values(t.findResources('AWS::EC2::SecurityGroupIngress')).some((r) => r.Properties.FromPort === 80)).toBe(false);
  });
});
