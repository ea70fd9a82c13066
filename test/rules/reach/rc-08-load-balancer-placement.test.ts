/** ECS-RC-08: ALB in two zones; internet-facing load balancers need an internet gateway. */
import { RC08_LOAD_BALANCER_PLACEMENT } from '../../../src/rules/reach/rc-08-load-balancer-placement';
import { check, checkAssembly } from '../helpers';
import { albService, props, ref, splitStacks } from './fixtures';

const rule = RC08_LOAD_BALANCER_PLACEMENT;
const select = (i: number, arg: unknown = '') => ({ 'Fn::Select': [i, { 'Fn::GetAZs': arg }] });

describe('ECS-RC-08 load balancer placement', () => {
  test('good: two zones and an internet gateway', () => {
    expect(check(rule, albService())).toEqual([]);
    const r = albService();
    props(r, 'SubnetA').AvailabilityZone = select(0);
    props(r, 'SubnetB').AvailabilityZone = select(1, { Ref: 'AWS::Region' });
    expect(check(rule, r)).toEqual([]);
  });

  test('bad: both ALB subnets in one zone (literal, or the same Fn::Select index)', () => {
    const r = albService();
    props(r, 'SubnetB').AvailabilityZone = 'eu-west-1a';
    const findings = check(rule, r);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toBe('[ECS-RC-08] Application Load Balancer subnets SubnetA, SubnetB are all in one Availability Zone (eu-west-1a) at TestStack/Lb; allowed: subnets in at least two Availability Zones. Add a subnet in a second Availability Zone (vpcSubnets over a VPC with maxAzs >= 2).');
    props(r, 'SubnetA').AvailabilityZone = select(0);
    props(r, 'SubnetB').AvailabilityZone = select(0, { Ref: 'AWS::Region' });
    expect(check(rule, r).map((f) => f.property)).toEqual(['Properties/Subnets']);
  });

  test('bad: a single subnet mapping; a Network Load Balancer in one zone is fine', () => {
    const r = albService();
    delete props(r, 'Lb').Subnets;
    props(r, 'Lb').SubnetMappings = [{ SubnetId: ref('SubnetA') }];
    expect(check(rule, r).map((f) => f.property)).toEqual(['Properties/SubnetMappings']);
    props(r, 'Lb').Type = 'network';
    expect(check(rule, r)).toEqual([]);
  });

  test('bad: internet-facing (explicit or by default) in a VPC without an internet gateway', () => {
    const r = albService();
    delete r.IgwAttach;
    const findings = check(rule, r);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toBe('[ECS-RC-08] internet-facing load balancer (Scheme omitted) is placed in subnets of VPC Vpc, which has no internet gateway attached at TestStack/Lb; allowed: an internet-facing load balancer in a VPC with an AWS::EC2::VPCGatewayAttachment to an internet gateway, or Scheme internal. Set Scheme internal (internetFacing: false), or attach an internet gateway to the VPC (a PUBLIC subnet group in ec2.Vpc).');
    props(r, 'Lb').Scheme = 'internal';
    expect(check(rule, r)).toEqual([]);
  });

  test('good: a VPN gateway attachment is not an internet gateway, but an attachment in another stack counts', () => {
    const r = albService();
    props(r, 'IgwAttach').InternetGatewayId = undefined;
    props(r, 'IgwAttach').VpnGatewayId = 'vgw-1';
    expect(check(rule, r)).toHaveLength(1);
    expect(checkAssembly(rule, splitStacks(albService(), ['Igw', 'IgwAttach']))).toEqual([]);
  });

  test('cross-stack: subnets imported from a network stack, all in one zone, no gateway', () => {
    const r = albService();
    delete r.IgwAttach;
    props(r, 'SubnetB').AvailabilityZone = 'eu-west-1a';
    const findings = checkAssembly(rule, splitStacks(r, ['Lb', 'Listener', 'Tg'], ['Network', 'Edge']));
    expect(findings.map((f) => [f.stack, f.property])).toEqual([['Edge', 'Properties/Subnets'], ['Edge', 'Properties/Scheme']]);
    expect(findings[0].message).toContain('subnets Network/SubnetA, Network/SubnetB are all in one Availability Zone');
  });

  test('unresolved: skipped', () => {
    const cases: ((r: ReturnType<typeof albService>) => void)[] = [
      (r) => { props(r, 'Lb').Subnets = [ref('SubnetA'), 'subnet-0123']; },
      (r) => { props(r, 'Lb').Subnets = { Ref: 'SubnetsParam' }; },
      (r) => { props(r, 'SubnetB').AvailabilityZone = { Ref: 'Az' }; },
      (r) => { props(r, 'SubnetA').AvailabilityZone = select(0); },
      (r) => { props(r, 'SubnetA').AvailabilityZone = 'us-west-2-lax-1a'; props(r, 'SubnetB').AvailabilityZone = 'us-west-2-lax-1a'; },
      (r) => { props(r, 'SubnetA').AvailabilityZone = select(0); props(r, 'SubnetB').AvailabilityZone = select(0, 'eu-west-1'); },
      (r) => { delete props(r, 'SubnetA').AvailabilityZone; delete props(r, 'SubnetB').AvailabilityZone; },
      (r) => { props(r, 'Lb').Type = { Ref: 'LbType' }; props(r, 'SubnetB').AvailabilityZone = 'eu-west-1a'; },
      // An empty YAML value (`AvailabilityZone:`) reads as null: no zone known, no crash.
      (r) => { props(r, 'SubnetA').AvailabilityZone = null; },
    ];
    cases.forEach((mutate, i) => {
      const r = albService();
      props(r, 'SubnetB').AvailabilityZone = 'eu-west-1a';
      expect(check(rule, r)).toHaveLength(1);
      mutate(r);
      expect({ i, findings: check(rule, r) }).toEqual({ i, findings: [] });
    });
    const noGateway: ((r: ReturnType<typeof albService>) => void)[] = [
      (r) => { r.Other = { Type: 'AWS::EC2::VPCGatewayAttachment', Properties: { VpcId: { Ref: 'VpcParam' }, InternetGatewayId: 'igw-1' } }; },
      (r) => { props(r, 'Lb').Scheme = { Ref: 'Scheme' }; },
      (r) => { props(r, 'SubnetA').VpcId = 'vpc-0123'; props(r, 'SubnetB').VpcId = 'vpc-0123'; },
      (r) => { r.Nested = { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'https://example.com/t.json' } }; },
    ];
    noGateway.forEach((mutate, i) => {
      const r = albService();
      delete r.IgwAttach;
      expect(check(rule, r)).toHaveLength(1);
      mutate(r);
      expect({ i, findings: check(rule, r) }).toEqual({ i, findings: [] });
    });
  });
});
