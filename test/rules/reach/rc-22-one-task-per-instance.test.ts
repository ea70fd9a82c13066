/** ECS-RC-22: tasks that need an instance each must fit the instances the capacity can launch (found by a user trial). */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { EcsCluster } from '../../../src/cluster';
import { runRules } from '../../../src/rules/engine';
import { AssemblyModel } from '../../../src/rules/model';
import { RC22_ONE_TASK_PER_INSTANCE as rule } from '../../../src/rules/reach/rc-22-one-task-per-instance';
import { WorkerService } from '../../../src/service';
import { Ec2Task } from '../../../src/task';

const IMAGE = ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/busybox:1.36');
const messages = (stack: Stack) =>
  runRules(new AssemblyModel([{ name: stack.stackName, template: Template.fromStack(stack).toJSON() }]), { rules: [rule] }).map((f) => f.message);

describe('ECS-RC-22 on aws-cdk-lib EC2 services (LaunchType EC2 on addCapacity)', () => {
  const plain = (desiredCount: number, hostPort: number | undefined, distinct = false) => {
    const stack = new Stack(new App(), 'Plain');
    const cluster = new ecs.Cluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 }) });
    cluster.addCapacity('Instances', { instanceType: new ec2.InstanceType('m6i.large'), maxCapacity: 2 });
    const task = new ecs.Ec2TaskDefinition(stack, 'Task');
    task.addContainer('app', { image: IMAGE, memoryLimitMiB: 256, portMappings: [{ containerPort: 8080, hostPort }] });
    new ecs.Ec2Service(stack, 'Service', { cluster, taskDefinition: task, desiredCount, placementConstraints: distinct ? [ecs.PlacementConstraint.distinctInstances()] : undefined });
    return stack;
  };

  test('bad: 3 tasks with fixed host port 8080 on at most 2 instances; 3 tasks with distinctInstance', () => {
    expect(messages(plain(3, 8080))).toEqual(['[ECS-RC-22] service wants 3 tasks and each needs an instance of its own (fixed host port 8080), but its '
      + 'Auto Scaling group launches at most 2 instances (MaxSize) at Plain/ServiceD69D759B; allowed: a DesiredCount of at most 2, the instances the '
      + 'capacity can launch. Raise the capacity\'s maximum instances to 4 or more (Ec2Capacity maxCapacity; one spare for rolling deployments), '
      + 'lower desiredCount to 2, or let tasks share instances (awsvpc, or bridge with dynamic host ports).']);
    expect(messages(plain(3, undefined, true))).toEqual([expect.stringContaining('(a distinctInstance placement constraint)')]);
  });

  test('good: 2 tasks on 2 instances; dynamic host ports (hostPort omitted or 0)', () => {
    expect(messages(plain(2, 8080))).toEqual([]);
    expect(messages(plain(5, undefined))).toEqual([]);
    expect(messages(plain(5, 0))).toEqual([]);
  });
});

describe('ECS-RC-22 on kit services (capacity provider strategy)', () => {
  const kit = (desiredCount: number, maxCapacity: number) => {
    const app = new App();
    const stack = new Stack(app, 'Kit');
    const cluster = new EcsCluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 }) });
    const capacity = cluster.addEc2Capacity('Agents', { maxCapacity });
    const task = new Ec2Task(stack, 'Task', { networkMode: ecs.NetworkMode.HOST, container: { image: IMAGE, portMappings: [{ containerPort: 9100 }] } });
    new WorkerService(stack, 'Exporter', { cluster, task, capacity, desiredCount });
    return { app, stack };
  };

  test('bad: 5 host-mode tasks on at most 2 instances fail synth; good: on 5', () => {
    expect(() => kit(5, 2).app.synth()).toThrow(/\[ECS-RC-22\] service wants 5 tasks and each needs an instance of its own \(host network mode, port 9100\), but its Auto Scaling group launches at most 2 instances/);
    expect(messages(kit(5, 5).stack)).toEqual([]);
  });
});
