/**
 * ECS-PM-12: "The IAM roles for the task credential provider use port 80 on the container instance. Therefore, if you configure IAM roles for
 * tasks on your container instance, your containers can't use port 80 for the host port in any port mappings" (windows_task_IAM_roles.html;
 * Windows trial F5).
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Ec2CapacityImage, Ec2Task, EcsCluster, WorkerService } from '../../../src';
import { runRules } from '../../../src/rules/engine';
import { AssemblyModel } from '../../../src/rules/model';
import { PM12_WINDOWS_HOST_PORT_80 as rule } from '../../../src/rules/network/pm-12-windows-host-port-80';
import { check } from '../helpers';
import { ec2TaskWith, WINDOWS } from '../task/fixtures';

const IIS = ecs.ContainerImage.fromRegistry('mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022');
const messages = (stack: Stack) =>
  runRules(new AssemblyModel([{ name: stack.stackName, template: Template.fromStack(stack).toJSON() }]), { rules: [rule] }).map((f) => f.message);

/** The kit's Windows capacity (user data with -EnableTaskIAMRole) running a Windows Ec2Task. */
function kit(networkMode: ecs.NetworkMode, portMappings: ecs.PortMapping[]) {
  const stack = new Stack(new App(), 'Kit');
  const cluster = new EcsCluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 }) });
  const capacity = cluster.addEc2Capacity('Win', { image: Ec2CapacityImage.windowsServer(ecs.WindowsOptimizedVersion.SERVER_2022) });
  const task = new Ec2Task(stack, 'T', { windows: true, networkMode, container: { image: IIS, memoryLimitMiB: 1024, portMappings } });
  new WorkerService(stack, 'S', { cluster, task, capacity });
  return stack;
}

/** aws-cdk-lib's Windows capacity, whose user data leaves IAM roles for tasks off unless told. */
function plain(taskRoles: boolean) {
  const stack = new Stack(new App(), 'Plain');
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 }) });
  const asg = cluster.addCapacity('Instances', {
    instanceType: new ec2.InstanceType('m6i.xlarge'),
    machineImage: ecs.EcsOptimizedImage.windows(ecs.WindowsOptimizedVersion.SERVER_2022),
  });
  if (taskRoles) asg.addUserData('[Environment]::SetEnvironmentVariable("ECS_ENABLE_TASK_IAM_ROLE", "true", "Machine")');
  const task = new ecs.Ec2TaskDefinition(stack, 'Task', { networkMode: ecs.NetworkMode.NAT });
  task.addContainer('iis', { image: IIS, memoryLimitMiB: 1024, portMappings: [{ containerPort: 80, hostPort: 80 }] });
  new ecs.Ec2Service(stack, 'Service', { cluster, taskDefinition: task });
  return stack;
}

describe('ECS-PM-12 host port 80 on Windows instances with IAM roles for tasks', () => {
  test('bad: the kit\'s Windows capacity and a NAT task mapping host port 80 fail synth (repro 05-windows-ec2-hostport-80)', () => {
    expect(() => Template.fromStack(kit(ecs.NetworkMode.NAT, [{ containerPort: 80, hostPort: 80 }]))).toThrow(
      /\[ECS-PM-12\] Windows container 'app' maps HostPort 80 in NAT network mode, but the instances of Kit\/Cluster\/Win\/[^ ]+ turn on IAM roles for tasks, whose credential provider uses port 80 on the instance at Kit\/T\/TaskDefinition; allowed: a host port other than 80/,
    );
  });

  test('bad: plain aws-cdk-lib Windows capacity (no RuntimePlatform) with ECS_ENABLE_TASK_IAM_ROLE; good: without it', () => {
    const [message] = messages(plain(true));
    expect(message).toMatch(/^\[ECS-PM-12\] Windows container 'iis' maps HostPort 80 in NAT network mode/);
    expect(message).toContain("Map container 'iis' to another host port, or leave hostPort unset for a dynamic one behind a load balancer listening on 80, or use awsvpc.");
    expect(messages(plain(false))).toEqual([]);
  });

  test('good: awsvpc, another or a dynamic host port on the kit\'s Windows capacity', () => {
    expect(() => Template.fromStack(kit(ecs.NetworkMode.AWS_VPC, [{ containerPort: 80 }]))).not.toThrow();
    expect(() => Template.fromStack(kit(ecs.NetworkMode.NAT, [{ containerPort: 80, hostPort: 8080 }]))).not.toThrow();
    expect(() => Template.fromStack(kit(ecs.NetworkMode.NAT, [{ containerPort: 80 }]))).not.toThrow();
  });

  test('skipped: a Windows task that nothing runs, a Linux task, a UDP or unresolved host port', () => {
    const mapping = (m: Record<string, unknown>) => [{ Name: 'iis', Image: 'x', Memory: 1024, PortMappings: [{ ContainerPort: 80, ...m }] }];
    expect(check(rule, {
      Alone: ec2TaskWith(mapping({ HostPort: 80 }), { RuntimePlatform: WINDOWS }),
      Linux: ec2TaskWith(mapping({ HostPort: 80 })),
      Udp: ec2TaskWith(mapping({ HostPort: 80, Protocol: 'udp' }), { RuntimePlatform: WINDOWS }),
      Param: ec2TaskWith(mapping({ HostPort: { Ref: 'Port' } }), { RuntimePlatform: WINDOWS }),
    })).toEqual([]);
  });
});
