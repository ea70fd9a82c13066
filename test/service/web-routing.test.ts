/** A WebService on its own load balancer that routes by host or path: a listener rule, and a 404 for the rest. */
import { CfnParameter } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { certificate, fargateTask, fixture } from './helpers';
import { EcsChecks } from '../../src';
import { WebService } from '../../src/service';

describe('WebService routed by host or path on its own load balancer', () => {
  test('hostHeaders alone: a rule at priority 50000 and a 404 default action; synth passes', () => {
    const f = fixture();
    new WebService(f.stack, 'Web', { cluster: f.cluster, task: fargateTask(f.stack), certificate: certificate(f.stack), hostHeaders: ['shop.example.com'] });
    expect(EcsChecks.check(f.app).findings.filter((x) => x.severity === 'error')).toEqual([]);
    const t = Template.fromStack(f.stack);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 443,
      DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404', ContentType: 'text/plain', MessageBody: 'Not found' } }],
    });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      Priority: 50000,
      Conditions: [{ Field: 'host-header', HostHeaderConfig: { Values: ['shop.example.com'] } }],
    });
  });

  test('a priority given is kept; additional targets come before the main rule by default', () => {
    const f = fixture();
    new WebService(f.stack, 'Web', {
      cluster: f.cluster,
      task: fargateTask(f.stack),
      certificate: certificate(f.stack),
      pathPatterns: ['/api/*'],
      priority: 10,
      additionalTargets: [{ containerPort: 8080, priority: 5, pathPatterns: ['/api/admin/*'] }],
    });
    expect(() => f.app.synth()).not.toThrow();
    const rules = Object.values(Template.fromStack(f.stack).findResources('AWS::ElasticLoadBalancingV2::ListenerRule')).map((r) => r.Properties.Priority).sort((a, b) => a - b);
    expect(rules).toEqual([5, 10]);
  });

  test('not routed: the listener forwards to the service, as before', () => {
    const f = fixture();
    new WebService(f.stack, 'Web', { cluster: f.cluster, task: fargateTask(f.stack), certificate: certificate(f.stack) });
    const t = Template.fromStack(f.stack);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { DefaultActions: [{ Type: 'forward' }] });
    expect(t.findResources('AWS::ElasticLoadBalancingV2::ListenerRule')).toEqual({});
  });

  test('a shared listener without priority names host headers from parameters as deploy-time values, not token text', () => {
    const f = fixture();
    const first = new WebService(f.stack, 'Front', { cluster: f.cluster, task: fargateTask(f.stack), certificate: certificate(f.stack) });
    const hosts = new CfnParameter(f.stack, 'Hosts', { type: 'CommaDelimitedList' }).valueAsList;
    expect(() => new WebService(f.stack, 'Web', { cluster: f.cluster, task: fargateTask(f.stack, 'T2'), listener: first.listener, hostHeaders: hosts }))
      .toThrow(/priority is not set, hostHeaders \(a value known at deploy time\), pathPatterns not set/);
    const host = new CfnParameter(f.stack, 'Host').valueAsString;
    expect(() => new WebService(f.stack, 'Web3', { cluster: f.cluster, task: fargateTask(f.stack, 'T3'), listener: first.listener, hostHeaders: [host, 'b.example.com'] }))
      .toThrow(/hostHeaders \(a value known at deploy time\), b\.example\.com,/);
  });
});
