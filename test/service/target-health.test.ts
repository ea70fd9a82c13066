/** Target group health checks of load-balanced services: ECS-SV-33 at synth, and health check ports the load balancer can reach. */
import { Duration, Validations } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { certificate, fargateTask, fixture, IMAGE } from './helpers';
import { EcsChecks, FargateTask } from '../../src';
import { NetworkLoadBalancedService, WebService } from '../../src/service';

const web = (healthCheck: elbv2.HealthCheck, f = fixture(), task = fargateTask(f.stack)) =>
  ({ f, service: new WebService(f.stack, 'Web', { cluster: f.cluster, task, certificate: certificate(f.stack), healthCheck }) });

/** Ingress rules of the service's security group from the load balancer, as "from-to". */
function ingressPorts(f: ReturnType<typeof fixture>): string[] {
  return Object.values(Template.fromStack(f.stack).findResources('AWS::EC2::SecurityGroupIngress'))
    .filter((r) => JSON.stringify(r.Properties.SourceSecurityGroupId).includes('LoadBalancer'))
    .map((r) => `${r.Properties.FromPort}-${r.Properties.ToPort}`).sort();
}

describe('target group health checks', () => {
  test('a path without a leading slash fails synth with ECS-SV-33, without EcsChecks, and names the path to use', () => {
    const { f } = web({ path: 'healthz' });
    expect(() => f.app.synth()).toThrow(/\[ECS-SV-33\] Target group health check path "healthz" does not start with \/ at Svc\/Web\/TargetGroup; .*Use "\/healthz"\./);
  });

  test('with EcsChecks registered the error is reported once, by the construct check', () => {
    const { f } = web({ path: 'healthz' });
    Validations.of(f.app).addPlugins(new EcsChecks());
    expect(() => f.app.synth()).toThrow(/ECS-SV-33/);
  });

  test('an additional target\'s health check is checked too; good paths pass', () => {
    const f = fixture();
    new WebService(f.stack, 'Web', {
      cluster: f.cluster,
      task: fargateTask(f.stack),
      certificate: certificate(f.stack),
      healthCheck: { path: '/ready' },
      additionalTargets: [{ containerPort: 8080, priority: 1, pathPatterns: ['/admin/*'], healthCheck: { path: 'admin/health' } }],
    });
    expect(() => f.app.synth()).toThrow(/\[ECS-SV-33\] Target group health check path "admin\/health" .* at Svc\/Web\/TargetGroup2/);
    expect(() => web({ path: '/ready?deep=1' }).f.app.synth()).not.toThrow();
  });

  test('a health check on another port opens that port to the load balancer too', () => {
    const f = fixture();
    const task = new FargateTask(f.stack, 'Task', { container: { image: IMAGE, portMappings: [{ containerPort: 8080 }, { containerPort: 8081 }] } });
    web({ path: '/health', port: '8081' }, f, task);
    expect(ingressPorts(f)).toEqual(['8080-8080', '8081-8081']);
    expect(Annotations.fromStack(f.stack).findWarning('*', Match.stringLikeRegexp('KIT-SERVICE-PORT-UNMAPPED'))).toEqual([]);
  });

  test('a health check port no container maps is opened, with a warning naming healthCheck.port', () => {
    const { f } = web({ path: '/health', port: '9090' });
    expect(ingressPorts(f)).toEqual(['8080-8080', '9090-9090']);
    const [w] = Annotations.fromStack(f.stack).findWarning('/Svc/Web', Match.stringLikeRegexp('KIT-SERVICE-PORT-UNMAPPED'));
    expect(w.entry.data).toMatch(/^\[KIT-SERVICE-PORT-UNMAPPED\] healthCheck\.port 9090, which no container of task Svc\/Task\S* maps \(8080\) at Svc\/Web; /);
  });

  test('traffic-port and the traffic port itself open nothing more', () => {
    expect(ingressPorts(web({ path: '/', port: 'traffic-port' }).f)).toEqual(['8080-8080']);
    expect(ingressPorts(web({ path: '/', port: '8080' }).f)).toEqual(['8080-8080']);
  });

  test('a NetworkLoadBalancedService opens its health check port as well', () => {
    const f = fixture();
    const task = new FargateTask(f.stack, 'Task', { container: { image: IMAGE, portMappings: [{ containerPort: 8080 }, { containerPort: 8081 }] } });
    new NetworkLoadBalancedService(f.stack, 'Nlb', {
      cluster: f.cluster, task, certificate: certificate(f.stack), healthCheck: { protocol: elbv2.Protocol.HTTP, path: '/health', port: '8081' },
    });
    expect(ingressPorts(f)).toEqual(['8080-8080', '8081-8081']);
  });
});

describe('health check fields on top of the kit\'s defaults', () => {
  const targetGroups = (f: ReturnType<typeof fixture>) => Object.values(Template.fromStack(f.stack).findResources('AWS::ElasticLoadBalancingV2::TargetGroup'))
    .map((r) => r.Properties);
  const timing = { HealthCheckIntervalSeconds: 30, HealthyThresholdCount: 2, UnhealthyThresholdCount: 3 };

  test('a path alone keeps 2 healthy / 3 unhealthy every 30 s, on the main and an additional target', () => {
    const f = fixture();
    const task = new FargateTask(f.stack, 'Task', { container: { image: IMAGE, portMappings: [{ containerPort: 8080 }, { containerPort: 8081 }] } });
    new WebService(f.stack, 'Web', {
      cluster: f.cluster,
      task,
      certificate: certificate(f.stack),
      healthCheck: { path: '/health' },
      additionalTargets: [{ containerPort: 8081, priority: 1, pathPatterns: ['/admin/*'], healthCheck: { path: '/admin/health', healthyThresholdCount: 4 } }],
    });
    expect(targetGroups(f)).toEqual([
      expect.objectContaining({ ...timing, HealthCheckPath: '/health' }),
      expect.objectContaining({ ...timing, HealthCheckPath: '/admin/health', HealthyThresholdCount: 4 }),
    ]);
  });

  test('fields given replace the kit\'s; none given is HTTP GET /', () => {
    expect(targetGroups(web({ interval: Duration.seconds(10), unhealthyThresholdCount: 2 }).f)[0])
      .toMatchObject({ HealthCheckPath: '/', HealthCheckIntervalSeconds: 10, HealthyThresholdCount: 2, UnhealthyThresholdCount: 2 });
    const f = fixture();
    new WebService(f.stack, 'Web', { cluster: f.cluster, task: fargateTask(f.stack), certificate: certificate(f.stack) });
    expect(targetGroups(f)[0]).toMatchObject({ ...timing, HealthCheckPath: '/' });
  });

  test('NetworkLoadBalancedService: an HTTP check keeps the timing; none given is TCP', () => {
    const f = fixture();
    new NetworkLoadBalancedService(f.stack, 'Nlb', {
      cluster: f.cluster, task: fargateTask(f.stack), certificate: certificate(f.stack), healthCheck: { protocol: elbv2.Protocol.HTTP, path: '/health' },
    });
    expect(targetGroups(f)[0]).toMatchObject({ ...timing, HealthCheckProtocol: 'HTTP', HealthCheckPath: '/health' });
    const g = fixture();
    new NetworkLoadBalancedService(g.stack, 'Nlb', { cluster: g.cluster, task: fargateTask(g.stack), certificate: certificate(g.stack) });
    expect(targetGroups(g)[0]).toMatchObject({ ...timing, HealthCheckProtocol: 'TCP' });
  });
});
