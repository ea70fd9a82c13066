/** ECS-RC-11: a load balancer's security groups must admit clients on the port of a listener in front of a service. */
import { RC11_LISTENER_INGRESS } from '../../../src/rules/reach/rc-11-listener-ingress';
import { check, checkAssembly } from '../helpers';
import { albService, INGRESS, props, ref, RULE, sgId, splitStacks } from './fixtures';

const rule = RC11_LISTENER_INGRESS;

/** The fixture with no ingress on the load balancer's group. */
function closed() {
  const r = albService();
  delete props(r, 'LbSg').SecurityGroupIngress;
  return r;
}

describe('ECS-RC-11 listener ingress on the load balancer', () => {
  test('good: the fixture (80 from 0.0.0.0/0); a separate ingress resource; all traffic, a range, a group or a prefix list', () => {
    expect(check(rule, albService())).toEqual([]);
    const variants: Record<string, unknown>[] = [
      { IpProtocol: '-1', CidrIp: '10.0.0.0/16' },
      { IpProtocol: 'tcp', FromPort: 0, ToPort: 65535, CidrIpv6: '::/0' },
      { IpProtocol: 6, FromPort: 80, ToPort: 80, SourceSecurityGroupId: sgId('TaskSg') },
      { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, SourcePrefixListId: 'pl-3b927c52' },
      // CloudFront VPC origins: the AWS-managed group, by literal id.
      { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, SourceSecurityGroupId: 'sg-0123456789abcdef0' },
    ];
    for (const v of variants) {
      const r = closed();
      r.LbIngress = { Type: INGRESS, Properties: { GroupId: sgId('LbSg'), ...v } };
      expect(check(rule, r)).toEqual([]);
    }
  });

  test('bad: no ingress on the load balancer group', () => {
    const findings = check(rule, closed());
    expect(findings).toHaveLength(1);
    expect(findings[0].severity).toBe('warning');
    expect(findings[0].property).toBe('Properties/Port');
    expect(findings[0].message).toBe('[ECS-RC-11] listener port 80/tcp of load balancer Lb admits no clients: no ingress rule of its security groups (LbSg) covers 80/tcp at TestStack/Listener; allowed: an ingress rule on 80/tcp from the clients (a CIDR, a prefix list or a security group) in LbSg. Admit the clients: lb.connections.allowFrom(Peer.ipv4(vpc.vpcCidrBlock), Port.tcp(80)) for clients in the VPC, or Peer.anyIpv4() for an internet-facing load balancer.');
  });

  test('bad: ingress on another port or protocol only; a listener that forwards through a rule', () => {
    for (const w of [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' }, { IpProtocol: 'udp', FromPort: 80, ToPort: 80, CidrIp: '0.0.0.0/0' }]) {
      const r = albService();
      props(r, 'LbSg').SecurityGroupIngress = [w];
      expect(check(rule, r).map((f) => f.logicalId)).toEqual(['Listener']);
    }
    const r = closed();
    props(r, 'Listener').DefaultActions = [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }];
    r.Rule = { Type: RULE, Properties: { ListenerArn: ref('Listener'), Priority: 1, Conditions: [], Actions: [{ Type: 'forward', TargetGroupArn: ref('Tg') }] } };
    expect(check(rule, r).map((f) => f.logicalId)).toEqual(['Listener']);
  });

  test('a Network Load Balancer with security groups is judged alike; without, or with PrivateLink enforcement off, it is not', () => {
    const r = closed();
    Object.assign(props(r, 'Lb'), { Type: 'network' });
    Object.assign(props(r, 'Listener'), { Protocol: 'TCP' });
    Object.assign(props(r, 'Tg'), { Protocol: 'TCP' });
    expect(check(rule, r).map((f) => f.logicalId)).toEqual(['Listener']);
    props(r, 'Lb').EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic = 'on';
    expect(check(rule, r)).toHaveLength(1);
    props(r, 'Lb').EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic = 'off';
    expect(check(rule, r)).toEqual([]);
    props(r, 'Lb').EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic = { Ref: 'Enforce' };
    expect(check(rule, r)).toEqual([]);
    delete props(r, 'Lb').EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic;
    delete props(r, 'Lb').SecurityGroups;
    expect(check(rule, r)).toEqual([]);
  });

  test('UDP and TCP_UDP listeners: the groups must admit the clients over UDP (and TCP for TCP_UDP)', () => {
    const listener = (protocol: string, ingress: Record<string, unknown>[]) => {
      const r = closed();
      Object.assign(props(r, 'Lb'), { Type: 'network' });
      Object.assign(props(r, 'Listener'), { Protocol: protocol });
      Object.assign(props(r, 'Tg'), { Protocol: protocol });
      props(r, 'LbSg').SecurityGroupIngress = ingress;
      return check(rule, r).map((f) => f.message);
    };
    const tcpRule = { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, CidrIp: '0.0.0.0/0' };
    const udpRule = { IpProtocol: 'udp', FromPort: 80, ToPort: 80, CidrIp: '0.0.0.0/0' };
    expect(listener('UDP', [tcpRule])).toEqual([expect.stringContaining('listener port 80/udp of load balancer Lb admits no clients')]);
    expect(listener('UDP', [tcpRule])[0]).toContain('Port.udp(80)');
    expect(listener('UDP', [udpRule])).toEqual([]);
    expect(listener('TCP_UDP', [])).toEqual([expect.stringContaining('covers 80/tcp and 80/udp')]);
    expect(listener('TCP_UDP', [udpRule])).toEqual([expect.stringContaining('listener port 80/tcp of load balancer')]);
    expect(listener('TCP_UDP', [tcpRule, udpRule])).toEqual([]);
  });

  test('skipped: a listener in front of no ECS service, a GENEVE listener, unresolved or outside values', () => {
    const notEcs = closed();
    delete props(notEcs, 'Service').LoadBalancers;
    expect(check(rule, notEcs)).toEqual([]);
    const geneve = closed();
    props(geneve, 'Listener').Protocol = 'GENEVE';
    expect(check(rule, geneve)).toEqual([]);
    const port = closed();
    props(port, 'Listener').Port = { Ref: 'ListenerPort' };
    expect(check(rule, port)).toEqual([]);
    const ingressPort = closed();
    ingressPort.LbIngress = { Type: INGRESS, Properties: { GroupId: sgId('LbSg'), IpProtocol: 'tcp', FromPort: { Ref: 'P' }, ToPort: { Ref: 'P' }, CidrIp: '0.0.0.0/0' } };
    expect(check(rule, ingressPort)).toEqual([]);
    const anyGroup = closed();
    anyGroup.SomeIngress = { Type: INGRESS, Properties: { GroupId: { Ref: 'GroupParam' }, IpProtocol: 'tcp', FromPort: 80, ToPort: 80, CidrIp: '0.0.0.0/0' } };
    expect(check(rule, anyGroup)).toEqual([]);
    const outside = closed();
    props(outside, 'Lb').SecurityGroups = [sgId('LbSg'), 'sg-0123456789abcdef0'];
    expect(check(rule, outside)).toEqual([]);
  });

  test('cross-stack: load balancer and group in a network stack, listener and service in the app stack', () => {
    const r = closed();
    expect(checkAssembly(rule, splitStacks(r, ['Listener', 'Tg', 'Task', 'Service', 'TaskSg', 'TaskSgFromLb'], ['Net', 'App']))
      .map((f) => `${f.stack}/${f.logicalId}`)).toEqual(['App/Listener']);
    const open = closed();
    open.LbIngress = { Type: INGRESS, Properties: { GroupId: sgId('LbSg'), IpProtocol: 'tcp', FromPort: 80, ToPort: 80, CidrIp: '10.0.0.0/16' } };
    expect(checkAssembly(rule, splitStacks(open, ['Listener', 'Tg', 'Task', 'Service', 'TaskSg', 'TaskSgFromLb', 'LbIngress'], ['Net', 'App']))).toEqual([]);
  });
});
