/**
 * Who may reach an internal load balancer by default: the VPC's CIDR, as a
 * literal the compliance packs can read where the VPC construct holds one;
 * otherwise the Fn::GetAtt, with the packs' ingress rules acknowledged.
 */
import { App, Fn, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { acknowledgeListenerIngress, defaultListenerPeer, literalVpcCidr } from '../../src/service/base/load-balancer-defaults';

function warningsOf(sg: ec2.SecurityGroup): string[] {
  return sg.node.metadata.filter((m) => m.type === 'aws:cdk:warning').map((m) => String(m.data));
}

function acksOf(sg: ec2.SecurityGroup): string[] {
  return sg.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY).flatMap((m) => Object.keys(m.data));
}

describe('default listener peer', () => {
  test('a VPC created with a literal CIDR gives a literal ingress rule', () => {
    const stack = new Stack(new App(), 'S');
    const vpc = new ec2.Vpc(stack, 'Vpc', { ipAddresses: ec2.IpAddresses.cidr('10.42.0.0/16') });
    expect(literalVpcCidr(vpc)).toBe('10.42.0.0/16');
    expect(defaultListenerPeer(vpc, false)).toEqual({ peer: ec2.Peer.ipv4('10.42.0.0/16'), literal: true });
  });

  test('an imported VPC whose CIDR is a token keeps the Fn::GetAtt-like reference, marked not literal', () => {
    const stack = new Stack(new App(), 'S');
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', { vpcId: 'vpc-1234', availabilityZones: ['a', 'b'], vpcCidrBlock: Fn.importValue('NetworkVpcCidr') });
    const peer = defaultListenerPeer(vpc, false);
    expect(peer.literal).toBe(false);
    expect(literalVpcCidr(vpc)).toBeUndefined();
  });

  test('internet-facing: anyone, literal', () => {
    const stack = new Stack(new App(), 'S');
    const vpc = new ec2.Vpc(stack, 'Vpc');
    expect(defaultListenerPeer(vpc, true)).toEqual({ peer: ec2.Peer.anyIpv4(), literal: true });
  });
});

describe('acknowledgements on the load balancer security group', () => {
  /** Security groups with the listener rule on 443 from `peer`, and any extra rules, acknowledged as a service would, then rendered. */
  type Case = { peer: ec2.IPeer; literal: boolean; internetFacing: boolean; userPeer?: boolean; extra?: number[] };
  function build(casesOf: (vpcCidr: string) => Record<string, Case>) {
    const stack = new Stack(new App(), 'S');
    const vpc = new ec2.Vpc(stack, 'Vpc');
    const cases = casesOf(vpc.vpcCidrBlock);
    const groups: Record<string, ec2.SecurityGroup> = {};
    for (const [id, c] of Object.entries(cases)) {
      const sg = groups[id] = new ec2.SecurityGroup(stack, id, { vpc, allowAllOutbound: false });
      acknowledgeListenerIngress(sg, { peer: c.peer, literal: c.literal }, c.internetFacing, c.userPeer ?? false, [443]);
      sg.addIngressRule(c.peer, ec2.Port.tcp(443), 'listener');
      for (const port of c.extra ?? []) sg.addIngressRule(c.peer, ec2.Port.tcp(port), 'added by the app');
    }
    Template.fromStack(stack);
    return { groups, vpc };
  }

  test('only a token CIDR or an internet-facing load balancer is acknowledged, each with its rules', () => {
    const { groups } = build((cidr) => ({
      Literal: { peer: ec2.Peer.ipv4('10.0.0.0/16'), literal: true, internetFacing: false },
      Token: { peer: ec2.Peer.ipv4(cidr), literal: false, internetFacing: false },
      User: { peer: ec2.Peer.anyIpv4(), literal: true, internetFacing: true, userPeer: true },
      Public: { peer: ec2.Peer.anyIpv4(), literal: true, internetFacing: true },
    }));
    expect(acksOf(groups.Literal)).toEqual([]);
    expect(acksOf(groups.Token).sort()).toEqual([
      'AwsSolutions-EC23',
      'HIPAA.Security-EC2RestrictedCommonPorts', 'HIPAA.Security-EC2RestrictedSSH',
      'NIST.800.53.R5-EC2RestrictedCommonPorts', 'NIST.800.53.R5-EC2RestrictedSSH',
      'PCI.DSS.321-EC2RestrictedCommonPorts', 'PCI.DSS.321-EC2RestrictedSSH',
    ].map((id) => `${id.split('-')[0]}::${id}`).sort());
    expect(acksOf(groups.User)).toEqual([]);
    expect(acksOf(groups.Public)).toEqual(['AwsSolutions::AwsSolutions-EC23']);
    expect(Object.values(groups).flatMap(warningsOf)).toEqual([]);
  });

  test('a world-open or token-CIDR rule the app adds on another port (SSH, RDP) drops the acknowledgement, so the packs report it (found by a compliance trial)', () => {
    const { groups } = build((cidr) => ({
      Token: { peer: ec2.Peer.ipv4(cidr), literal: false, internetFacing: false, extra: [22] },
      Public: { peer: ec2.Peer.anyIpv4(), literal: true, internetFacing: true, extra: [22, 3389] },
    }));
    expect(acksOf(groups.Token)).toEqual([]);
    expect(acksOf(groups.Public)).toEqual([]);
    // And a kit warning names the rule: with a token CIDR the packs only report a rule error.
    expect(warningsOf(groups.Token)).toEqual([expect.stringMatching(/^\[KIT-SERVICE-LB-INGRESS\] the load balancer security group admits an unresolved CIDR on tcp 22 beyond its listener ports \(443\), .*cdk-nag reports "Rule threw an error"/)]);
    expect(warningsOf(groups.Public)).toEqual([expect.stringContaining('admits 0.0.0.0/0 on tcp 22, 0.0.0.0/0 on tcp 3389 beyond its listener ports (443)')]);
  });
});
