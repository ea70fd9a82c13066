/** Service Connect and VPC Lattice publish a named port mapping of any container, and discoveryName (found by a user trial). */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { IMAGE } from './helpers';
import { EcsCluster } from '../../src/cluster';
import { EcsChecks } from '../../src/plugin';
import { BackendService, WorkerService } from '../../src/service';
import { FargateTask } from '../../src/task';

function base() {
  const app = new App();
  const stack = new Stack(app, 'Sc');
  const cluster = new EcsCluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 }), defaultCloudMapNamespace: { name: 'internal' } });
  // The app listens on 9000; a proxy sidecar in front of it publishes 8080.
  const proxied = (id: string, name: string) => {
    const task = new FargateTask(stack, id, { container: { image: IMAGE, portMappings: [{ containerPort: 9000, name: `${name}-internal` }] } });
    task.addContainer('proxy', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx-unprivileged:1.27'), portMappings: [{ containerPort: 8080, name }] });
    return task;
  };
  return { app, stack, cluster, proxied };
}

describe('Service Connect on a sidecar port mapping', () => {
  test('good: portMappingName of the proxy sidecar (the rule ECS-SC-02 accepts it too)', () => {
    const { app, stack, cluster, proxied } = base();
    new BackendService(stack, 'Orders', { cluster, task: proxied('OrdersTask', 'orders'), serviceConnect: { portMappingName: 'orders' } });
    Template.fromStack(stack).hasResourceProperties('AWS::ECS::Service', { ServiceConnectConfiguration: { Enabled: true, Services: [{ PortName: 'orders' }] } });
    expect(EcsChecks.check(app).findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('bad: a name no container has lists the names of every container', () => {
    const { stack, cluster, proxied } = base();
    expect(() => new BackendService(stack, 'Orders', { cluster, task: proxied('OrdersTask', 'orders'), portMappingName: 'order' }))
      .toThrow(/^\[ECS-SC-02\] Service Connect portMappingName 'order' is not a port mapping of any container of Sc\/OrdersTask at Sc\/Orders; allowed: a named port mapping: orders-internal, orders\./);
  });

  test('VPC Lattice registers a sidecar port mapping too', () => {
    const { stack, cluster, proxied } = base();
    new BackendService(stack, 'Orders', { cluster, task: proxied('OrdersTask', 'orders'), vpcLattice: { portMappingName: 'orders' } });
    Template.fromStack(stack).hasResourceProperties('AWS::VpcLattice::TargetGroup', { Config: { Port: 8080 } });
  });
});

describe('discoveryName', () => {
  test('two services publishing "http" clash (ECS-SC-14); discoveryName on each resolves it', () => {
    const build = (withNames: boolean) => {
      const { app, stack, cluster } = base();
      for (const name of ['orders', 'payments']) {
        const task = new FargateTask(stack, `${name}Task`, { container: { image: IMAGE, portMappings: [{ containerPort: 8080, name: 'http' }] } });
        new BackendService(stack, name, { cluster, task, dnsName: name, discoveryName: withNames ? name : undefined });
      }
      return { app, stack };
    };
    expect(() => build(false).app.synth()).toThrow(/\[ECS-SC-14\] discovery name http is already published by .*the kit: discoveryName/);
    const { stack } = build(true);
    const services = Object.values(Template.fromStack(stack).findResources('AWS::ECS::Service')).map((r) => r.Properties.ServiceConnectConfiguration.Services[0]);
    expect(services.map((s) => [s.DiscoveryName, s.ClientAliases[0].DnsName])).toEqual([['orders', 'orders'], ['payments', 'payments']]);
  });
});

describe('Service Connect on a task with no essential container', () => {
  test('ECS-TD-21 with the task path, not aws-cdk-lib\'s "must have at least one container" (found by a user trial)', () => {
    const { stack, cluster } = base();
    const task = new FargateTask(stack, 'OrdersTask', { container: { image: IMAGE, essential: false, portMappings: [{ containerPort: 8080, name: 'orders' }] } });
    task.addContainer('agent', { image: IMAGE, essential: false });
    expect(() => new BackendService(stack, 'Orders', { cluster, task })).toThrow(
      /^\[ECS-TD-21\] all 2 container\(s\) set essential false \(app, agent\) at Sc\/OrdersTask; allowed: at least one essential container\./);
  });
});

describe('A service on a task with no essential container, without Service Connect', () => {
  test('ECS-TD-21 from the kit, not aws-cdk-lib\'s error (found by a verification run)', () => {
    const { stack, cluster } = base();
    const task = new FargateTask(stack, 'JobTask', { container: { image: IMAGE, essential: false } });
    expect(() => new WorkerService(stack, 'Worker', { cluster, task })).toThrow(/^\[ECS-TD-21\] all 1 container\(s\) set essential false \(app\) at Sc\/JobTask;/);
  });
});
