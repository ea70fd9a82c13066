/** Windows EC2 capacity and tasks in `cost` (found by a Windows user trial: priced at Linux rates, with a Fargate Spot alternative). */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Ec2CapacityImage } from '../../src/capacity';
import { EcsCluster } from '../../src/cluster';
import { BUNDLED_PRICES, estimateCost } from '../../src/cost';
import { AssemblyModel } from '../../src/rules/model';
import { WorkerService } from '../../src/service';
import { Ec2Task } from '../../src/task';

function report(windows: boolean) {
  const stack = new Stack(new App(), 'CostWin', { env: { account: '111111111111', region: 'us-east-1' } });
  const vpc = new ec2.Vpc(stack, 'Vpc', { availabilityZones: ['us-east-1a', 'us-east-1b'], natGateways: 1 });
  const cluster = new EcsCluster(stack, 'Cluster', { vpc });
  const capacity = cluster.addEc2Capacity('Ec2', {
    instanceTypes: [new ec2.InstanceType('m6i.xlarge')],
    ...windows ? { image: Ec2CapacityImage.windowsServer() } : {},
  });
  const image = ecs.ContainerImage.fromRegistry(windows ? 'mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022' : 'public.ecr.aws/nginx/nginx:1.27');
  const task = new Ec2Task(stack, 'Task', { windows, container: { image, memoryLimitMiB: 2048, cpu: 1024 } });
  new WorkerService(stack, 'Worker', { cluster, task, capacity });
  const model = new AssemblyModel([{ name: 'CostWin', template: Template.fromStack(stack).toJSON(), environment: { account: '111111111111', region: 'us-east-1' } }]);
  return estimateCost([model], { prices: BUNDLED_PRICES });
}

test('Windows instances are not priced at Linux rates, and their tasks are Windows with no Fargate Spot or EC2 alternative', () => {
  const r = report(true);
  expect(r.capacity).toHaveLength(1);
  expect(r.capacity[0].high).toBe(0);
  expect(r.capacity[0].unpriced).toEqual(['its instances run Windows, and the price table has no EC2 Windows (license-included) prices']);
  const [service] = r.services;
  expect(service.size?.windows).toBe(true);
  expect(service.alternatives.map((a) => a.option)).not.toContain('Fargate Spot');
  expect(service.alternatives.some((a) => a.option.startsWith('EC2'))).toBe(false);
});

test('the same app on Linux instances is priced as before', () => {
  const r = report(false);
  expect(r.capacity[0].unpriced).toEqual([]);
  expect(r.capacity[0].high).toBeGreaterThan(100);
  expect(r.services[0].size?.windows).toBe(false);
  expect(r.services[0].alternatives.map((a) => a.option)).toContain('Fargate Spot');
});
