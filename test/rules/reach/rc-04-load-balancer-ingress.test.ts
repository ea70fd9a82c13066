/** ECS-RC-04: task security groups must admit the load balancer. */
import { RC04_LOAD_BALANCER_INGRESS } from '../../../src/rules/reach/rc-04-load-balancer-ingress';
import { check, checkAssembly } from '../helpers';
import { albService, INGRESS, props, ref, sgId, splitStacks } from './fixtures';

const rule = RC04_LOAD_BALANCER_INGRESS;

describe('ECS-RC-04 load balancer to task ingress', () => {
  test('good: ingress from the load balancer group as a separate AWS::EC2::SecurityGroupIngress resource', () => {
    expect(check(rule, albService())).toEqual([]);
  });

  test('good: inline ingress from the load balancer group, all TCP, all traffic, a port range, a CIDR or a prefix list', () => {
    const variants: Record<string, unknown>[] = [
      { IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, SourceSecurityGroupId: sgId('LbSg') },
      { IpProtocol: 'tcp', FromPort: 0, ToPort: 65535, SourceSecurityGroupId: sgId('LbSg') },
      { IpProtocol: '-1', SourceSecurityGroupId: sgId('LbSg') },
      { IpProtocol: 6, FromPort: 8000, ToPort: 9000, SourceSecurityGroupId: ref('LbSg') },
      { IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, CidrIp: '10.0.0.0/16' },
      { IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, CidrIpv6: '::/0' },
      { IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, SourcePrefixListId: 'pl-12345678' },
    ];
    for (const v of variants) {
      const r = albService();
      delete r.TaskSgFromLb;
      props(r, 'TaskSg').SecurityGroupIngress = [v];
      expect(check(rule, r)).toEqual([]);
    }
  });

  test('bad: no ingress at all on the task group', () => {
    const r = albService();
    delete r.TaskSgFromLb;
    const findings = check(rule, r);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toBe('[ECS-RC-04] No security group of the tasks (TaskSg) admits load balancer Lb (security group LbSg) on container port 8080/tcp at TestStack/Service; allowed: ingress from LbSg (or a CIDR covering it) on 8080/tcp. Add task security group ingress from the load balancer\'s security group on 8080/tcp (service.connections.allowFrom(lb, Port.tcp(8080)); in a template, an AWS::EC2::SecurityGroupIngress on a task group with '
      + 'SourceSecurityGroupId the load balancer\'s group, IpProtocol tcp, FromPort and ToPort 8080).');
    expect(findings[0].property).toBe('Properties/NetworkConfiguration/AwsvpcConfiguration/SecurityGroups');
  });

  test('bad: wrong port, UDP, or a source group that is not the load balancer\'s', () => {
    const wrong: Record<string, unknown>[] = [
      { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, SourceSecurityGroupId: sgId('LbSg') },
      { IpProtocol: 'udp', FromPort: 8080, ToPort: 8080, SourceSecurityGroupId: sgId('LbSg') },
      { IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, SourceSecurityGroupId: sgId('TaskSg') },
    ];
    for (const w of wrong) {
      const r = albService();
      Object.assign(props(r, 'TaskSgFromLb'), { FromPort: undefined, ToPort: undefined, SourceSecurityGroupId: undefined }, w);
      expect(check(rule, r).map((f) => f.ruleId)).toEqual(['ECS-RC-04']);
    }
  });

  test('bad: a numeric HealthCheckPort the tasks do not admit', () => {
    const r = albService();
    props(r, 'Tg').HealthCheckPort = '8081';
    const findings = check(rule, r);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('on health check port 8081/tcp of target group Tg');
    props(r, 'TaskSgFromLb').ToPort = 8081;
    expect(check(rule, r)).toEqual([]);
    props(r, 'Tg').HealthCheckPort = 'traffic-port';
    expect(check(rule, r)).toEqual([]);
  });

  // UDP target groups carry traffic over UDP and are health-checked over TCP (or HTTP) on the same port by default.
  test('UDP and TCP_UDP target groups: the tasks must admit the traffic over UDP and the health checks over TCP', () => {
    const nlb = (tgProtocol: string, ...ingress: Record<string, unknown>[]) => {
      const r = albService();
      delete r.TaskSgFromLb;
      Object.assign(props(r, 'Lb'), { Type: 'network' });
      Object.assign(props(r, 'Listener'), { Protocol: tgProtocol });
      Object.assign(props(r, 'Tg'), { Protocol: tgProtocol });
      props(r, 'TaskSg').SecurityGroupIngress = ingress.map((i) => ({ FromPort: 8080, ToPort: 8080, SourceSecurityGroupId: sgId('LbSg'), ...i }));
      return check(rule, r).map((f) => f.message);
    };
    const [udpOnly] = nlb('UDP', { IpProtocol: 'udp' });
    expect(udpOnly).toContain('admits load balancer Lb (security group LbSg) on health check port 8080/tcp of target group Tg at TestStack/Service');
    expect(udpOnly).toContain('(service.connections.allowFrom(lb, Port.tcp(8080)); in a template, an AWS::EC2::SecurityGroupIngress');
    const [tcpOnly] = nlb('UDP', { IpProtocol: 'tcp' });
    expect(tcpOnly).toContain('on container port 8080/udp at TestStack/Service; allowed: ingress from LbSg (or a CIDR covering it) on 8080/udp');
    expect(tcpOnly).toContain('Port.udp(8080)');
    expect(nlb('UDP', { IpProtocol: 'udp' }, { IpProtocol: 'tcp' })).toEqual([]);
    expect(nlb('QUIC', { IpProtocol: '17' }, { IpProtocol: '6' })).toEqual([]);
    expect(nlb('TCP_UDP', { IpProtocol: 'tcp' })).toEqual([expect.stringContaining('on container port 8080/udp')]);
    expect(nlb('TCP_UDP', { IpProtocol: 'udp' })).toEqual([expect.stringContaining('on container port 8080/tcp')]);
    expect(nlb('TCP_UDP', { IpProtocol: '-1' })).toEqual([]);
    // Without security groups on the NLB, UDP keeps the client's address: only CIDR or prefix-list rules admit it.
    const r = albService();
    delete r.TaskSgFromLb;
    Object.assign(props(r, 'Lb'), { Type: 'network', SecurityGroups: undefined });
    Object.assign(props(r, 'Tg'), { Protocol: 'UDP' });
    props(r, 'TaskSg').SecurityGroupIngress = [{ IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, CidrIp: '10.0.0.0/16' }];
    expect(check(rule, r).map((f) => f.message)).toEqual([expect.stringContaining('a CIDR or prefix list covering the load balancer\'s subnets and its clients (UDP keeps the client\'s address) on 8080/udp')]);
  });

  test('a second task group that admits the load balancer is enough', () => {
    const r = albService();
    r.OtherSg = { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'other', SecurityGroupIngress: [] } };
    props(r, 'TaskSgFromLb').GroupId = sgId('OtherSg');
    const awsvpc = (props(r, 'Service').NetworkConfiguration as { AwsvpcConfiguration: Record<string, unknown> }).AwsvpcConfiguration;
    expect(check(rule, r)).toHaveLength(1);
    awsvpc.SecurityGroups = [sgId('TaskSg'), sgId('OtherSg')];
    expect(check(rule, r)).toEqual([]);
  });

  test('a listener rule forwarding to the group also makes its load balancer a source', () => {
    const r = albService();
    props(r, 'Listener').DefaultActions = [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }];
    r.Rule = { Type: 'AWS::ElasticLoadBalancingV2::ListenerRule', Properties: { ListenerArn: ref('Listener'), Priority: 1, Conditions: [], Actions: [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: ref('Tg') }] } }] } };
    expect(check(rule, r)).toEqual([]);
    delete r.TaskSgFromLb;
    expect(check(rule, r)).toHaveLength(1);
  });

  test('NLB without security groups: only CIDR or prefix-list rules admit it', () => {
    const r = albService();
    Object.assign(props(r, 'Lb'), { Type: 'network', SecurityGroups: undefined });
    Object.assign(props(r, 'Tg'), { Protocol: 'TCP' });
    Object.assign(props(r, 'Listener'), { Protocol: 'TCP' });
    const findings = check(rule, r);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('admits network load balancer Lb (no security groups');
    props(r, 'TaskSgFromLb').SourceSecurityGroupId = undefined;
    props(r, 'TaskSgFromLb').CidrIp = { 'Fn::GetAtt': ['Vpc', 'CidrBlock'] };
    expect(check(rule, r)).toEqual([]);
  });

  test('unresolved: skipped', () => {
    const cases: ((r: ReturnType<typeof albService>) => void)[] = [
      // ALB without SecurityGroups: the VPC default group.
      (r) => { delete props(r, 'Lb').SecurityGroups; delete r.TaskSgFromLb; },
      // Task group imported by literal id.
      (r) => { (props(r, 'Service').NetworkConfiguration as any).AwsvpcConfiguration.SecurityGroups = ['sg-0123456789']; delete r.TaskSgFromLb; },
      // Some ingress resource with an unresolved GroupId.
      (r) => { delete r.TaskSgFromLb; r.Other = { Type: INGRESS, Properties: { GroupId: { Ref: 'SgParam' }, IpProtocol: '-1', CidrIp: '10.0.0.0/8' } }; },
      // Unresolved ports or protocol on a rule from the load balancer group.
      (r) => { props(r, 'TaskSgFromLb').FromPort = { Ref: 'PortParam' }; },
      (r) => { props(r, 'TaskSgFromLb').IpProtocol = { 'Fn::If': ['C', 'tcp', 'udp'] }; props(r, 'TaskSgFromLb').FromPort = 80; props(r, 'TaskSgFromLb').ToPort = 80; },
      // Inline ingress behind Fn::If.
      (r) => { delete r.TaskSgFromLb; props(r, 'TaskSg').SecurityGroupIngress = { 'Fn::If': ['C', [], []] }; },
      // Unresolved health check port, a GENEVE or unresolved protocol, a target group from a parameter.
      (r) => { delete r.TaskSgFromLb; props(r, 'Tg').HealthCheckPort = { Ref: 'HcPort' }; },
      (r) => { delete r.TaskSgFromLb; props(r, 'Tg').Protocol = 'GENEVE'; },
      (r) => { delete r.TaskSgFromLb; props(r, 'Tg').Protocol = { Ref: 'TgProtocol' }; },
      (r) => { delete r.TaskSgFromLb; (props(r, 'Service').LoadBalancers as any)[0].TargetGroupArn = { Ref: 'TgParam' }; },
      // Source group by literal id: could be anything.
      (r) => { props(r, 'TaskSgFromLb').SourceSecurityGroupId = 'sg-0abc'; },
    ];
    cases.forEach((mutate, i) => {
      const r = albService();
      mutate(r);
      expect({ i, findings: check(rule, r) }).toEqual({ i, findings: [] });
    });
  });

  test('cross-stack: load balancer, listener and target group in one stack, tasks and ingress in another', () => {
    const moved = ['TaskSg', 'TaskSgFromLb', 'Task', 'Service'];
    const good = splitStacks(albService(), moved, ['Net', 'App']);
    const svc = good.stacks[1].resource('Service')!;
    expect(JSON.stringify(svc.properties.LoadBalancers)).toContain('Fn::ImportValue');
    expect(checkAssembly(rule, good)).toEqual([]);
    const r = albService();
    props(r, 'TaskSgFromLb').FromPort = 80;
    props(r, 'TaskSgFromLb').ToPort = 80;
    const findings = checkAssembly(rule, splitStacks(r, moved, ['Net', 'App']));
    expect(findings.map((f) => [f.ruleId, f.stack, f.logicalId])).toEqual([['ECS-RC-04', 'App', 'Service']]);
    expect(findings[0].message).toContain('admits load balancer Net/Lb (security group Net/LbSg)');
  });

  test('bad: an HTTPS target group is judged like HTTP', () => {
    const r = albService();
    delete r.TaskSgFromLb;
    props(r, 'Tg').Protocol = 'HTTPS';
    expect(check(rule, r)).toHaveLength(1);
  });
});
