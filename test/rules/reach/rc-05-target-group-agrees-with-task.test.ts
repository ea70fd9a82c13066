/** ECS-RC-05: load balancer entries must match the task definition and the target type. */
import { RC05_TARGET_GROUP_AGREES_WITH_TASK } from '../../../src/rules/reach/rc-05-target-group-agrees-with-task';
import { check, checkAssembly } from '../helpers';
import { albService, lbEntry, props, ref, splitStacks } from './fixtures';

const rule = RC05_TARGET_GROUP_AGREES_WITH_TASK;

/** The fixture's service on EC2 with a bridge-mode task. */
function bridgeService() {
  const r = albService();
  Object.assign(props(r, 'Task'), { NetworkMode: 'bridge', RequiresCompatibilities: ['EC2'] });
  Object.assign(props(r, 'Service'), { LaunchType: 'EC2', NetworkConfiguration: undefined });
  props(r, 'Tg').TargetType = 'instance';
  return r;
}

describe('ECS-RC-05 target group agrees with the task', () => {
  test('good: container, port and ip target type match an awsvpc task; instance matches bridge', () => {
    expect(check(rule, albService())).toEqual([]);
    expect(check(rule, bridgeService())).toEqual([]);
    const r = bridgeService();
    delete props(r, 'Tg').TargetType;
    expect(check(rule, r)).toEqual([]);
  });

  test('bad: ContainerName is not a container of the task definition', () => {
    const r = albService();
    lbEntry(r).ContainerName = 'web';
    const findings = check(rule, r);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toBe("[ECS-RC-05] LoadBalancers ContainerName 'web' is not a container of task definition Task at TestStack/Service; allowed: a container of Task: 'app'. Set ContainerName to the container that serves the traffic (loadBalancerTarget({ containerName })).");
    expect(findings[0].property).toBe('Properties/LoadBalancers/0/ContainerName');
  });

  test('bad: ContainerPort is not mapped by the container', () => {
    const r = albService();
    lbEntry(r).ContainerPort = 80;
    const findings = check(rule, r);
    expect(findings.map((f) => f.property)).toEqual(['Properties/LoadBalancers/0/ContainerPort']);
    expect(findings[0].message).toContain("LoadBalancers ContainerPort 80 is not a port mapping of container 'app' in Task");
    expect(findings[0].message).toContain("allowed: a ContainerPort of 'app': 8080.");
  });

  test('bad: awsvpc task with an instance target group, explicit or by default', () => {
    const r = albService();
    props(r, 'Tg').TargetType = 'instance';
    const findings = check(rule, r);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toBe('[ECS-RC-05] target group Tg has TargetType instance, which is incompatible with the awsvpc network mode of Task at TestStack/Service; allowed: TargetType ip for awsvpc tasks. Create the target group with TargetType ip (targetType: TargetType.IP); changing it replaces the target group.');
    delete props(r, 'Tg').TargetType;
    expect(check(rule, r)[0].message).toContain('has TargetType instance (the default)');
  });

  test('bad: a blue/green alternate target group of the wrong type (found by a deployments user trial)', () => {
    const r = albService();
    r.Green = { ...r.Tg, Properties: { ...props(r, 'Tg'), TargetType: 'instance' } };
    lbEntry(r).AdvancedConfiguration = { AlternateTargetGroupArn: { Ref: 'Green' }, ProductionListenerRule: 'arn:rule', RoleArn: 'arn:role' };
    const [f, ...rest] = check(rule, r);
    expect(rest).toEqual([]);
    expect(f.property).toBe('Properties/LoadBalancers/0/AdvancedConfiguration/AlternateTargetGroupArn');
    expect(f.message).toContain('alternate (blue/green) target group Green has TargetType instance, which is incompatible with the awsvpc network mode');
    props(r, 'Green').TargetType = 'ip';
    expect(check(rule, r)).toEqual([]);
    lbEntry(r).AdvancedConfiguration = { AlternateTargetGroupArn: 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/g/1' };
    expect(check(rule, r)).toEqual([]);
  });

  test('bad: bridge task with an ip target group', () => {
    const r = bridgeService();
    props(r, 'Tg').TargetType = 'ip';
    expect(check(rule, r).map((f) => f.message)).toEqual([expect.stringContaining('allowed: TargetType instance for bridge tasks')]);
  });

  test('unresolved: skipped', () => {
    const cases: ((r: ReturnType<typeof albService>) => void)[] = [
      (r) => { lbEntry(r).ContainerName = { Ref: 'Name' }; },
      (r) => { lbEntry(r).ContainerPort = { Ref: 'Port' }; },
      (r) => { (props(r, 'Task').ContainerDefinitions as any)[0].PortMappings = [{ ContainerPort: { Ref: 'P' } }]; lbEntry(r).ContainerPort = 80; },
      (r) => { (props(r, 'Task').ContainerDefinitions as any)[0].PortMappings = [{ ContainerPortRange: '8000-8100' }]; lbEntry(r).ContainerPort = 8050; },
      (r) => { (props(r, 'Task').ContainerDefinitions as any).push({ Name: { Ref: 'SidecarName' }, Image: 'x' }); lbEntry(r).ContainerName = 'web'; },
      (r) => { props(r, 'Tg').TargetType = { Ref: 'Type' }; },
      (r) => { props(r, 'Task').NetworkMode = { Ref: 'Mode' }; props(r, 'Tg').TargetType = 'instance'; },
      (r) => { lbEntry(r).TargetGroupArn = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/tg/0123'; props(r, 'Tg').TargetType = 'instance'; },
      (r) => { props(r, 'Service').TaskDefinition = { Ref: 'TaskParam' }; lbEntry(r).ContainerName = 'web'; },
    ];
    cases.forEach((mutate, i) => {
      const r = albService();
      mutate(r);
      expect({ i, findings: check(rule, r) }).toEqual({ i, findings: [] });
    });
  });

  test('cross-stack: task definition and target group imported into the service stack', () => {
    const r = albService();
    props(r, 'Tg').TargetType = 'instance';
    lbEntry(r).ContainerPort = 9090;
    const assembly = splitStacks(r, ['Service'], ['Shared', 'Svc']);
    const findings = checkAssembly(rule, assembly);
    expect(findings.map((f) => [f.stack, f.property])).toEqual([
      ['Svc', 'Properties/LoadBalancers/0/ContainerPort'],
      ['Svc', 'Properties/LoadBalancers/0/TargetGroupArn'],
    ]);
    expect(findings[1].message).toContain('target group Shared/Tg has TargetType instance');
    expect(checkAssembly(rule, splitStacks(albService(), ['Service']))).toEqual([]);
  });

  test('several entries: each is judged on its own', () => {
    const r = albService();
    r.Tg2 = { Type: 'AWS::ElasticLoadBalancingV2::TargetGroup', Properties: { Port: 9090, Protocol: 'HTTP', VpcId: ref('Vpc') } };
    (props(r, 'Task').ContainerDefinitions as any)[0].PortMappings.push({ ContainerPort: 9090 });
    (props(r, 'Service').LoadBalancers as unknown[]).push({ ContainerName: 'app', ContainerPort: 9090, TargetGroupArn: ref('Tg2') });
    expect(check(rule, r).map((f) => f.property)).toEqual(['Properties/LoadBalancers/1/TargetGroupArn']);
  });
});
