/**
 * Services in their own stack on EC2 instances of a shared base stack: the ingress to the instances is
 * written in the service stack, so the service stack refers to the base stack and never the reverse
 * (bridge and host tasks are reached on the instances' security group, not their own).
 */
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { certificate, ENV, IMAGE } from './helpers';
import { EcsCluster } from '../../src/cluster';
import { DaemonService, WebService, WorkerService } from '../../src/service';
import { Ec2Task } from '../../src/task';

function platform() {
  const app = new App();
  const base = new Stack(app, 'Platform', { env: ENV });
  const services = new Stack(app, 'Services', { env: ENV });
  const vpc = new ec2.Vpc(base, 'Vpc', { availabilityZones: ['eu-west-1a', 'eu-west-1b'], natGateways: 1 });
  return { app, base, services, vpc };
}

const task = (stack: Stack, id: string, networkMode: ecs.NetworkMode, hostPort?: number) =>
  new Ec2Task(stack, id, { networkMode, container: { image: IMAGE, portMappings: [{ containerPort: 8080, hostPort }] } });

/** Two ingress resources with the same group, protocol, ports and source fail at deploy (the rule already exists). */
function expectNoDuplicates(rules: Record<string, unknown>[]) {
  const keys = rules.map(({ GroupId, IpProtocol, FromPort, ToPort, SourceSecurityGroupId, CidrIp }) =>
    JSON.stringify([GroupId, IpProtocol, FromPort, ToPort, SourceSecurityGroupId, CidrIp]));
  expect(new Set(keys).size).toBe(keys.length);
}

/** The instances' ingress rules in the service stack, on a group the base stack exports. */
function ingressInServiceStack(app: App, services: Stack, base: Stack) {
  const assembly = app.synth();
  const t = Template.fromJSON(assembly.getStackArtifact(services.artifactId).template);
  const rules = t.findResources('AWS::EC2::SecurityGroupIngress', { Properties: { GroupId: { 'Fn::ImportValue': Match.anyValue() } } });
  const baseDeps = assembly.getStackArtifact(base.artifactId).dependencies.map((d) => d.id);
  expectNoDuplicates(Object.values(t.findResources('AWS::EC2::SecurityGroupIngress')).map((r) => r.Properties));
  return { t, rules: Object.values(rules).map((r) => r.Properties), baseDeps };
}

describe('EC2 services in another stack than their instances', () => {
  test('a bridge WebService on an Ec2Capacity of the base stack synthesizes: the dynamic host port range opens from the service stack', () => {
    const { app, base, services, vpc } = platform();
    const cluster = new EcsCluster(base, 'Cluster', { vpc });
    const capacity = cluster.addEc2Capacity('Ec2');
    new WebService(services, 'Web', { cluster, capacity, task: task(services, 'WebTask', ecs.NetworkMode.BRIDGE), certificate: certificate(services) });
    const { rules, baseDeps } = ingressInServiceStack(app, services, base);
    expect(rules).toEqual([expect.objectContaining({ FromPort: 32768, ToPort: 65535, SourceSecurityGroupId: expect.anything() })]);
    expect(baseDeps).not.toContain(services.artifactId);
  });

  test('host mode and a daemon\'s fixed bridge host port open their port from the service stack', () => {
    const { app, base, services, vpc } = platform();
    const cluster = new EcsCluster(base, 'Cluster', { vpc });
    const capacity = cluster.addEc2Capacity('Ec2');
    const host = new WorkerService(services, 'Host', { cluster, capacity, task: task(services, 'HostTask', ecs.NetworkMode.HOST) });
    const fixed = new DaemonService(services, 'Fixed', { cluster, capacity, task: task(services, 'FixedTask', ecs.NetworkMode.BRIDGE, 8081) });
    const client = new ec2.SecurityGroup(services, 'Client', { vpc });
    host.allowFrom(client, 8080);
    fixed.allowFrom(client, 8080);
    const { rules } = ingressInServiceStack(app, services, base);
    expect(rules.map((r) => [r.FromPort, r.ToPort]).sort()).toEqual([[8080, 8080], [8081, 8081]]);
  });

  test('a bridge WebService on an ecs.Cluster with an instance capacity (addCapacity) in the base stack synthesizes', () => {
    const { app, base, services, vpc } = platform();
    const cluster = new ecs.Cluster(base, 'Cluster', { vpc });
    cluster.addCapacity('Asg', { instanceType: new ec2.InstanceType('m7i.large'), machineImage: ecs.EcsOptimizedImage.amazonLinux2023(), minCapacity: 1 });
    new WebService(services, 'Web', { cluster, task: task(services, 'WebTask', ecs.NetworkMode.BRIDGE), certificate: certificate(services) });
    const { rules, baseDeps } = ingressInServiceStack(app, services, base);
    // aws-cdk-lib's own target rule; the kit's is the same resource, not a copy.
    expect(rules).toEqual([expect.objectContaining({ FromPort: 32768, ToPort: 65535, Description: 'Load balancer to target' })]);
    expect(baseDeps).not.toContain(services.artifactId);
  });

  test('a bridge WebService on an ecs.Cluster whose group comes from addAsgCapacityProvider in the base stack: the range opens on that group', () => {
    const { app, base, services, vpc } = platform();
    const cluster = new ecs.Cluster(base, 'Cluster', { vpc });
    const asg = new autoscaling.AutoScalingGroup(base, 'Asg', {
      vpc, instanceType: new ec2.InstanceType('m7i.large'), machineImage: ecs.EcsOptimizedImage.amazonLinux2023(), minCapacity: 1,
    });
    cluster.addAsgCapacityProvider(new ecs.AsgCapacityProvider(base, 'Provider', { autoScalingGroup: asg, enableManagedTerminationProtection: false }));
    new WebService(services, 'Web', { cluster, task: task(services, 'WebTask', ecs.NetworkMode.BRIDGE), certificate: certificate(services) });
    const { rules, baseDeps } = ingressInServiceStack(app, services, base);
    expect(rules).toEqual([expect.objectContaining({ FromPort: 32768, ToPort: 65535, SourceSecurityGroupId: expect.anything() })]);
    expect(baseDeps).not.toContain(services.artifactId);
  });
});
