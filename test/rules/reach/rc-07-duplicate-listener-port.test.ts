/** ECS-RC-07: one listener per port on a load balancer, one rule per priority on a listener. */
import { RC07_DUPLICATE_LISTENER_PORT } from '../../../src/rules/reach/rc-07-duplicate-listener-port';
import { check, checkAssembly } from '../helpers';
import { albService, LISTENER, props, ref, RULE, splitStacks } from './fixtures';

const rule = RC07_DUPLICATE_LISTENER_PORT;

function listener(port: unknown, lb: unknown = ref('Lb'), protocol = 'HTTP') {
  return { Type: LISTENER, Properties: { LoadBalancerArn: lb, Port: port, Protocol: protocol, DefaultActions: [{ Type: 'forward', TargetGroupArn: ref('Tg') }] } };
}

function listenerRule(priority: unknown, listenerArn: unknown = ref('Listener')) {
  return { Type: RULE, Properties: { ListenerArn: listenerArn, Priority: priority, Conditions: [{ Field: 'path-pattern', Values: ['/a'] }], Actions: [{ Type: 'forward', TargetGroupArn: ref('Tg') }] } };
}

describe('ECS-RC-07 duplicate listener ports and rule priorities', () => {
  test('good: distinct ports and priorities; the same port on two load balancers', () => {
    const r = albService();
    r.Https = listener(443);
    r.Lb2 = { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: props(r, 'Lb') };
    r.Other = listener(80, ref('Lb2'));
    r.R1 = listenerRule(1);
    r.R2 = listenerRule(2);
    r.R3 = listenerRule(1, ref('Https'));
    expect(check(rule, r)).toEqual([]);
  });

  test('bad: two listeners on port 80 of one load balancer', () => {
    const r = albService();
    r.Second = listener('80');
    const findings = check(rule, r);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toBe('[ECS-RC-07] listener port 80 is already used by listener Listener on load balancer Lb at TestStack/Second; allowed: one listener per port on a load balancer. Use another port, or add this listener\'s actions as rules of Listener.');
  });

  test('bad: two rules with priority 10 on one listener', () => {
    const r = albService();
    r.R1 = listenerRule(10);
    r.R2 = listenerRule('10');
    const findings = check(rule, r);
    expect(findings.map((f) => [f.logicalId, f.property])).toEqual([['R2', 'Properties/Priority']]);
    expect(findings[0].message).toContain('listener rule priority 10 is already used by rule R1 on listener Listener');
  });

  test('cross-stack: a listener in another stack on the imported load balancer, a rule on an imported listener', () => {
    const r = albService();
    r.Second = listener(80);
    r.R1 = listenerRule(3);
    r.R2 = listenerRule(3);
    const findings = checkAssembly(rule, splitStacks(r, ['Second', 'R2'], ['Net', 'App']));
    expect(findings.map((f) => [f.stack, f.logicalId])).toEqual([['App', 'Second'], ['App', 'R2']]);
    expect(findings[0].message).toContain('already used by listener Net/Listener on load balancer Net/Lb');
  });

  test('the same literal load balancer or listener ARN counts as one', () => {
    const arn = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/shared/1';
    const r = albService();
    r.A = listener(8443, arn);
    r.B = listener(8443, arn);
    expect(check(rule, r).map((f) => f.logicalId)).toEqual(['B']);
  });

  test('unresolved, conditional or UDP next to TCP: skipped', () => {
    const cases: ((r: ReturnType<typeof albService>) => void)[] = [
      (r) => { r.Second = listener({ Ref: 'Port' }); },
      (r) => { r.Second = { ...listener(80), Condition: 'WantSecond' }; },
      (r) => { r.Second = listener(80, { Ref: 'LbParam' }); },
      (r) => { Object.assign(props(r, 'Listener'), { Protocol: 'TCP' }); r.Second = listener(80, ref('Lb'), 'UDP'); },
      (r) => { r.R1 = listenerRule(1); r.R2 = listenerRule({ Ref: 'Priority' }); },
      (r) => { r.R1 = listenerRule(1); r.R2 = listenerRule(1, { Ref: 'ListenerParam' }); },
    ];
    cases.forEach((mutate, i) => {
      const r = albService();
      mutate(r);
      expect({ i, findings: check(rule, r) }).toEqual({ i, findings: [] });
    });
  });
});
