import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { certificate, fixture, IMAGE, synthOnce } from './helpers';
import { BackendService, EcsKitErrors, FargateTask, ManagedInstancesTask, ScheduledJob, WebService, WorkerService } from '../../src';

const miTask = (f: ReturnType<typeof fixture>, id = 'Task', extra: object = {}) =>
  new ManagedInstancesTask(f.stack, id, { container: { image: IMAGE, portMappings: [{ containerPort: 8080, name: 'http' }] }, ...extra });
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return EcsKitErrors.codeOf(e);
  }
  return undefined;
};

describe('kit services on Managed Instances capacity', () => {
  test('WebService, BackendService and WorkerService render the provider strategy, awsvpc without public IP, no LaunchType or PlatformVersion', () => {
    const f = fixture();
    f.cluster.defaultCloudMapNamespace ?? f.cluster.addDefaultCloudMapNamespace({ name: 'internal' });
    const capacity = f.cluster.addManagedInstancesCapacity('MI');
    const web = new WebService(f.stack, 'Web', { cluster: f.cluster, task: miTask(f, 'WebTask'), containerPort: 8080, certificate: certificate(f.stack) });
    const backend = new BackendService(f.stack, 'Api', { cluster: f.cluster, task: miTask(f, 'ApiTask'), managedInstancesCapacity: capacity });
    const worker = new WorkerService(f.stack, 'Worker', { cluster: f.cluster, task: miTask(f, 'WorkerTask') });
    const { t } = synthOnce(f.app, f.stack);
    const cpRef = { Ref: f.stack.getLogicalId(capacity.cfnCapacityProvider) };
    const services = t.findResources('AWS::ECS::Service');
    expect(Object.keys(services)).toHaveLength(3);
    for (const svc of Object.values(services)) {
      expect(svc.Properties.CapacityProviderStrategy).toEqual([{ CapacityProvider: cpRef, Weight: 1 }]);
      expect(svc.Properties.LaunchType).toBeUndefined();
      expect(svc.Properties.PlatformVersion).toBeUndefined();
      expect(svc.Properties.NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp).toBe('DISABLED');
    }
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { TargetType: 'ip', Port: 8080 });
    for (const s of [web, backend, worker]) expect(s.managedInstancesCapacity).toBe(capacity);
    expect(worker.ec2Capacity).toBeUndefined();
    expect(t.findResources('AWS::ECS::Service', { Properties: { ServiceConnectConfiguration: Match.anyValue() } })).toMatchSnapshot();
  });

  test('a MANAGED_INSTANCES ecs.TaskDefinition runs on the cluster\'s only Managed Instances capacity', () => {
    const f = fixture();
    const capacity = f.cluster.addManagedInstancesCapacity('MI');
    const td = new ecs.TaskDefinition(f.stack, 'Td', { compatibility: ecs.Compatibility.MANAGED_INSTANCES, cpu: '256', memoryMiB: '512' });
    td.addContainer('app', { image: IMAGE, memoryLimitMiB: 512 });
    const svc = new WorkerService(f.stack, 'W', { cluster: f.cluster, taskDefinition: td });
    expect(svc.managedInstancesCapacity).toBe(capacity);
  });

  test('a FARGATE_AND_MANAGED_INSTANCES task definition runs on Fargate unless managedInstancesCapacity is set', () => {
    const f = fixture();
    const capacity = f.cluster.addManagedInstancesCapacity('MI');
    const td = new ecs.TaskDefinition(f.stack, 'Td', { compatibility: ecs.Compatibility.FARGATE_AND_MANAGED_INSTANCES, cpu: '256', memoryMiB: '512' });
    td.addContainer('app', { image: IMAGE, memoryLimitMiB: 512 });
    const onFargate = new WorkerService(f.stack, 'F', { cluster: f.cluster, taskDefinition: td });
    const onMi = new WorkerService(f.stack, 'M', { cluster: f.cluster, taskDefinition: td, managedInstancesCapacity: capacity });
    expect(onFargate.managedInstancesCapacity).toBeUndefined();
    expect(onMi.managedInstancesCapacity).toBe(capacity);
  });

  test('host-mode tasks: no NetworkConfiguration, ports open on the instances\' security group', () => {
    const f = fixture();
    const capacity = f.cluster.addManagedInstancesCapacity('MI');
    const web = new WebService(f.stack, 'Web', { cluster: f.cluster, task: new ManagedInstancesTask(f.stack, 'T', { networkMode: ecs.NetworkMode.HOST, container: { image: IMAGE, portMappings: [{ containerPort: 8080 }] } }), containerPort: 8080, certificate: certificate(f.stack) });
    const { t } = synthOnce(f.app, f.stack);
    const svc = Object.values(t.findResources('AWS::ECS::Service'))[0];
    expect(svc.Properties.NetworkConfiguration).toBeUndefined();
    expect(web.securityGroup).toBeUndefined();
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { TargetType: 'instance' });
    t.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      GroupId: { 'Fn::GetAtt': [f.stack.getLogicalId(capacity.securityGroup.node.defaultChild as ec2.CfnSecurityGroup), 'GroupId'] },
      FromPort: 8080,
    });
  });

  test('ScheduledJob runs a Managed Instances task on the cluster\'s Managed Instances capacity', () => {
    const f = fixture();
    const capacity = f.cluster.addManagedInstancesCapacity('MI');
    new ScheduledJob(f.stack, 'Job', { cluster: f.cluster, task: miTask(f), schedule: scheduler.ScheduleExpression.rate(Duration.hours(1)) });
    Template.fromStack(f.stack).hasResourceProperties('AWS::Scheduler::Schedule', {
      Target: Match.objectLike({
        EcsParameters: Match.objectLike({
          CapacityProviderStrategy: [{ CapacityProvider: { Ref: f.stack.getLogicalId(capacity.cfnCapacityProvider) }, Weight: 1 }],
          LaunchType: Match.absent(),
        }),
      }),
    });
  });

  test('mismatches fail at construction', () => {
    const fargateOnMi = () => {
      const f = fixture();
      const c = f.cluster.addManagedInstancesCapacity('MI');
      new WorkerService(f.stack, 'W', { cluster: f.cluster, task: new FargateTask(f.stack, 'T', { container: { image: IMAGE } }), managedInstancesCapacity: c });
    };
    expect(codeOf(fargateOnMi)).toBe('KIT-SERVICE-CAPACITY');
    const noCapacity = () => { const f = fixture(); new WorkerService(f.stack, 'W', { cluster: f.cluster, task: miTask(f) }); };
    expect(codeOf(noCapacity)).toBe('KIT-SERVICE-CAPACITY');
    const twoCapacities = () => {
      const f = fixture();
      f.cluster.addManagedInstancesCapacity('A');
      f.cluster.addManagedInstancesCapacity('B');
      new WorkerService(f.stack, 'W', { cluster: f.cluster, task: miTask(f) });
    };
    expect(codeOf(twoCapacities)).toBe('KIT-SERVICE-CAPACITY');
    const armOnX86 = () => {
      const f = fixture();
      f.cluster.addManagedInstancesCapacity('MI', { instanceTypes: [new ec2.InstanceType('m7i.large')] });
      new WorkerService(f.stack, 'W', { cluster: f.cluster, task: miTask(f, 'T', { cpuArchitecture: ecs.CpuArchitecture.ARM64 }) });
    };
    expect(codeOf(armOnX86)).toBe('KIT-SERVICE-ARCH');
    const publicIp = () => {
      const f = fixture();
      f.cluster.addManagedInstancesCapacity('MI');
      new WorkerService(f.stack, 'W', { cluster: f.cluster, task: miTask(f), assignPublicIp: true });
    };
    expect(codeOf(publicIp)).toBe('ECS-MI-06');
  });
});
