/** ECS-QT-09 Application Load Balancers per Region; ECS-QT-10 listeners, rules and target groups per Application Load Balancer. */
import { QuotaProfile } from '../../../src/quotas/quota-profile';
import { capacityReport } from '../../../src/quotas/report';
import { QT09_LOAD_BALANCERS_PER_REGION as qt09 } from '../../../src/rules/quota/qt-09-load-balancers-per-region';
import { QT10_LOAD_BALANCER_RULES_AND_TARGET_GROUPS as qt10 } from '../../../src/rules/quota/qt-10-load-balancer-rules-and-target-groups';
import { assemblyOfStacks, check, checkAssembly, Resources } from '../helpers';

const LB = 'AWS::ElasticLoadBalancingV2::LoadBalancer';
const current = QuotaProfile.current();

/** A base stack with one ALB and an HTTPS listener (exported), and a Services stack with `count` rules, each forwarding to a target group of its own. */
function sharedListener(count: number, sameTargetGroup = false) {
  const services: Resources = {};
  for (let i = 0; i < count; i++) {
    const tg = sameTargetGroup ? 'Tg0' : `Tg${i}`;
    services[tg] = { Type: 'AWS::ElasticLoadBalancingV2::TargetGroup', Properties: { Port: 8080, Protocol: 'HTTP', TargetType: 'ip' } };
    services[`Rule${i}`] = {
      Type: 'AWS::ElasticLoadBalancingV2::ListenerRule',
      Properties: {
        ListenerArn: { 'Fn::ImportValue': 'Base:Listener' },
        Priority: i + 1,
        Conditions: [{ Field: 'host-header', HostHeaderConfig: { Values: [`s${i}.example.com`] } }],
        Actions: [{ Type: 'forward', TargetGroupArn: { Ref: tg } }],
      },
    };
  }
  return assemblyOfStacks([
    {
      name: 'Base',
      template: {
        Resources: {
          Alb: { Type: LB, Properties: { Subnets: ['subnet-1', 'subnet-2'] } },
          Listener: {
            Type: 'AWS::ElasticLoadBalancingV2::Listener',
            Properties: { LoadBalancerArn: { Ref: 'Alb' }, Port: 443, Protocol: 'HTTPS', DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }] },
          },
        },
        Outputs: { L: { Value: { Ref: 'Listener' }, Export: { Name: 'Base:Listener' } } },
      },
    },
    { name: 'Services', template: { Resources: services } },
  ]);
}

describe('ECS-QT-10 an Application Load Balancer\'s listeners, rules and target groups', () => {
  test('bad: 101 rules from another stack on a shared listener, each with its own target group (found by a fleet user trial)', () => {
    const findings = checkAssembly(qt10, sharedListener(101), current);
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringMatching(/^\[ECS-QT-10\] load balancer Base\/Alb has 101 listener rules \(default actions not counted\) at Base\/Alb; allowed: 100 rules \(Rules per Application Load Balancer .*adjustable\)\. Raise "Rules per Application Load Balancer/),
      expect.stringMatching(/^\[ECS-QT-10\] load balancer Base\/Alb has 101 target groups its listeners and rules forward to at Base\/Alb; allowed: 100 target groups \(.*not adjustable\)\. Spread the services over more load balancers/),
    ]);
    // A raised rules quota leaves the target groups, which cannot be raised.
    const raised = checkAssembly(qt10, sharedListener(101), current.withOverrides({ rulesPerApplicationLoadBalancer: 200 }));
    expect(raised.map((f) => f.message)).toEqual([expect.stringContaining('101 target groups')]);
  });

  test('good: 100 rules and target groups; 101 rules forwarding to one target group only cross the rules quota', () => {
    expect(checkAssembly(qt10, sharedListener(100), current)).toEqual([]);
    expect(checkAssembly(qt10, sharedListener(101, true), current).map((f) => f.message)).toEqual([expect.stringContaining('101 listener rules')]);
  });

  test('the capacity report lists the load balancer rows', () => {
    const rows = capacityReport(sharedListener(3), current).filter((r) => r.scope === 'load balancer Base/Alb');
    expect(rows.map((r) => [r.quota, r.used, r.limit])).toEqual([
      ['listenersPerApplicationLoadBalancer', 1, 50],
      ['rulesPerApplicationLoadBalancer', 3, 100],
      ['targetGroupsPerApplicationLoadBalancer', 3, 100],
    ]);
  });
});

describe('ECS-QT-09 Application Load Balancers per Region', () => {
  const albs = (count: number, type?: string): Resources => Object.fromEntries(Array.from({ length: count }, (_, i) => [
    `Alb${i}`, { Type: LB, Properties: { Subnets: ['subnet-1', 'subnet-2'], ...type ? { Type: type } : {} } },
  ]));

  test('bad: 51 in one Region', () => {
    const [f, ...rest] = check(qt09, albs(51), current);
    expect(rest).toEqual([]);
    expect(f.message).toMatch(/^\[ECS-QT-09\] Region unknown \(env-agnostic stacks\) gets 51 Application Load Balancers from this app at .*; allowed: 50 load balancers \(Application Load Balancers per Region/);
  });

  test('good: 50, and Network Load Balancers do not count', () => {
    expect(check(qt09, albs(50), current)).toEqual([]);
    expect(check(qt09, { ...albs(50), ...Object.fromEntries(Object.entries(albs(5, 'network')).map(([k, v]) => [`N${k}`, v])) }, current)).toEqual([]);
  });
});
