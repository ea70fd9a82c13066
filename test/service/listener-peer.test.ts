/**
 * Who may reach an internal load balancer by default: the VPC's CIDR, as a
 * literal the compliance packs can read where the VPC construct holds one;
 * otherwise the Fn::GetAtt, with the packs' ingress rules acknowledged.
 */
import { App, Fn, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { acknowledgeListenerIngress, defaultListenerPeer, literalVpcCidr } from '../../src/service/base/load-balancer-defaults';

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
  test('only a token CIDR or an internet-facing load balancer is acknowledged, each with its rules', () => {
    const stack = new Stack(new App(), 'S');
    const vpc = new ec2.Vpc(stack, 'Vpc');
    const sg = (id: string) => new ec2.SecurityGroup(stack, id, { vpc });
    const literal = sg('Literal');
    acknowledgeListenerIngress(literal, { peer: ec2.Peer.ipv4('10.0.0.0/16'), literal: true }, false, false);
    expect(acksOf(literal)).toEqual([]);
    const token = sg('Token');
    acknowledgeListenerIngress(token, { peer: ec2.Peer.ipv4(vpc.vpcCidrBlock), literal: false }, false, false);
    expect(acksOf(token).sort()).toEqual([
      'AwsSolutions-EC23',
      'HIPAA.Security-EC2RestrictedCommonPorts', 'HIPAA.Security-EC2RestrictedSSH',
      'NIST.800.53.R5-EC2RestrictedCommonPorts', 'NIST.800.53.R5-EC2RestrictedSSH',
      'PCI.DSS.321-EC2RestrictedCommonPorts', 'PCI.DSS.321-EC2RestrictedSSH',
    ].map((id) => `${id.split('-')[0]}::${id}`).sort());
    const user = sg('User');
    acknowledgeListenerIngress(user, { peer: ec2.Peer.anyIpv4(), literal: true }, true, true);
    expect(acksOf(user)).toEqual([]);
    const publicSg = sg('Public');
    acknowledgeListenerIngress(publicSg, { peer: ec2.Peer.anyIpv4(), literal: true }, true, false);
    expect(acksOf(publicSg)).toEqual(['AwsSolutions::AwsSolutions-EC23']);
    Template.fromStack(stack);
  });
});
