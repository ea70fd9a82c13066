/** ECS-RC-25: health check matcher codes fit the protocol version and load balancer (found by a networking-team trial). */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as fc from 'fast-check';
import { matcherCodes, RC25_HEALTH_CHECK_MATCHER as rule } from '../../../src/rules/reach/rc-25-health-check-matcher';
import { check } from '../helpers';

function alb(props: Partial<elbv2.ApplicationTargetGroupProps>, matcher?: elbv2.CfnTargetGroup.MatcherProperty) {
  const stack = new Stack(new App(), 'Tg');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
  const tg = new elbv2.ApplicationTargetGroup(stack, 'Tg', { vpc, port: 50051, protocol: elbv2.ApplicationProtocol.HTTP, targetType: elbv2.TargetType.IP, ...props });
  if (matcher) (tg.node.defaultChild as elbv2.CfnTargetGroup).matcher = matcher;
  return check(rule, Template.fromStack(stack).toJSON().Resources).map((f) => f.message);
}

function nlb(healthyHttpCodes: string) {
  const stack = new Stack(new App(), 'Nlb');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
  new elbv2.NetworkTargetGroup(stack, 'Tg', {
    vpc,
    port: 80,
    protocol: elbv2.Protocol.TCP,
    targetType: elbv2.TargetType.IP,
    healthCheck: { protocol: elbv2.Protocol.HTTP, path: '/health', healthyHttpCodes },
  });
  return check(rule, Template.fromStack(stack).toJSON().Resources).map((f) => f.message);
}

describe('ECS-RC-25 health check matcher', () => {
  test('bad: HTTP codes on a gRPC target group, gRPC codes on an HTTP1 one', () => {
    expect(alb({ protocolVersion: elbv2.ApplicationProtocolVersion.GRPC }, { httpCode: '200' })).toEqual([
      '[ECS-RC-25] gRPC target group (ProtocolVersion GRPC) has HTTP success codes "200" at TestStack/TgBB611D2A; allowed: GrpcCode (0-99) for '
      + 'ProtocolVersion GRPC. Replace healthyHttpCodes with healthyGrpcCodes, e.g. "0" for OK or "0-99".',
    ]);
    expect(alb({ healthCheck: { healthyGrpcCodes: '0' } })).toEqual([expect.stringContaining('has gRPC success codes "0"')]);
  });

  test('bad: codes out of the load balancer\'s range, or not a code list', () => {
    expect(alb({}, { httpCode: '200-550' })).toEqual([expect.stringContaining('are not within 200-499 at TestStack/TgBB611D2A; allowed: codes 200-499 for an Application Load Balancer target group (HTTP)')]);
    expect(alb({}, { httpCode: '2xx' })).toEqual([expect.stringContaining('are not a code, list or range')]);
    expect(alb({ protocolVersion: elbv2.ApplicationProtocolVersion.GRPC }, { grpcCode: '0-100' })).toEqual([expect.stringContaining('are not within 0-99')]);
  });

  test('good: gRPC codes on gRPC, HTTP codes in range, NLB up to 599', () => {
    expect(alb({ protocolVersion: elbv2.ApplicationProtocolVersion.GRPC, healthCheck: { healthyGrpcCodes: '0-99' } })).toEqual([]);
    expect(alb({ healthCheck: { healthyHttpCodes: '200,202,300-399' } })).toEqual([]);
    expect(nlb('200-599')).toEqual([]);
  });

  test('property: every list of in-range codes and ranges parses to in-range bounds', () => {
    const item = fc.tuple(fc.integer({ min: 200, max: 499 }), fc.integer({ min: 0, max: 50 }), fc.boolean())
      .map(([from, width, range]) => (range ? `${from}-${Math.min(499, from + width)}` : `${from}`));
    fc.assert(fc.property(fc.array(item, { minLength: 1, maxLength: 5 }), (items) => {
      const codes = matcherCodes(items.join(','));
      return codes !== undefined && codes.every((c) => c >= 200 && c <= 499);
    }));
  });
});
