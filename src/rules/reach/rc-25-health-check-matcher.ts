import { TARGET_GROUP } from './load-balancing-index';
import { ResourceRule, RuleIssue, Severity } from '../rule';
import { isUnresolved, toObject, toStr } from '../values';

/** HttpCode ranges per target group protocol (ELB API Matcher): ALB protocols, NLB protocols, GENEVE. */
function httpRange(protocol: string | undefined): { min: number; max: number; lb: string } | undefined {
  switch (protocol?.toUpperCase()) {
    case 'HTTP': case 'HTTPS': return { min: 200, max: 499, lb: 'an Application Load Balancer' };
    case 'TCP': case 'TLS': case 'UDP': case 'TCP_UDP': case 'QUIC': case 'TCP_QUIC': return { min: 200, max: 599, lb: 'a Network Load Balancer' };
    case 'GENEVE': return { min: 200, max: 399, lb: 'a Gateway Load Balancer' };
    default: return undefined;
  }
}

/** The codes of "200,202" or "200-299" (or both), or undefined when the text is not a code list. */
export function matcherCodes(text: string): number[] | undefined {
  const out: number[] = [];
  for (const part of text.split(',')) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    if (!m) return undefined;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to < from) return undefined;
    out.push(from, to);
  }
  return out;
}

export const RC25_HEALTH_CHECK_MATCHER: ResourceRule = {
  id: 'ECS-RC-25',
  title: 'Health check matcher codes fit the target group\'s protocol version and load balancer',
  area: 'reach',
  severity: Severity.ERROR,
  description: 'Checks a target group\'s Matcher as Elastic Load Balancing reads it: gRPC codes (GrpcCode, 0-99) when ProtocolVersion is '
    + 'GRPC and HTTP codes (HttpCode) otherwise; HttpCode within 200-499 for HTTP and HTTPS target groups (Application Load Balancers), '
    + '200-599 for TCP, TLS, UDP, TCP_UDP and QUIC ones (Network Load Balancers), 200-399 for GENEVE; each a code, a list ("200,202") '
    + 'or a range ("200-299"). Unresolved values are skipped.',
  deployError: 'CloudFormation fails to create or update the target group (ValidationError: the health check matcher is not valid for the '
    + 'protocol version, or a code is out of range) and rolls the stack back.',
  fix: 'For a gRPC target group set healthyGrpcCodes (e.g. "0-99" or "12"); for HTTP target groups healthyHttpCodes within the load '
    + 'balancer\'s range (e.g. "200-399").',
  source: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_Matcher.html',
  resourceTypes: [TARGET_GROUP],
  onlyWith: ['Matcher'],
  check(tg): RuleIssue[] {
    const matcher = toObject(tg.properties.Matcher);
    if (!matcher || isUnresolved(tg.properties.ProtocolVersion) || isUnresolved(tg.properties.Protocol)) return [];
    const grpc = toStr(tg.properties.ProtocolVersion)?.toUpperCase() === 'GRPC';
    const issues: RuleIssue[] = [];
    const http = matcher.HttpCode;
    const grpcCode = matcher.GrpcCode;
    if (grpc && http !== undefined) {
      issues.push({
        property: 'Properties/Matcher/HttpCode',
        value: http,
        problem: `gRPC target group (ProtocolVersion GRPC) has HTTP success codes ${JSON.stringify(http)}`,
        allowed: 'GrpcCode (0-99) for ProtocolVersion GRPC',
        fix: 'Replace healthyHttpCodes with healthyGrpcCodes, e.g. "0" for OK or "0-99".',
      });
    }
    if (!grpc && grpcCode !== undefined) {
      issues.push({
        property: 'Properties/Matcher/GrpcCode',
        value: grpcCode,
        problem: `target group with ProtocolVersion ${toStr(tg.properties.ProtocolVersion) ?? 'HTTP1 (default)'} has gRPC success codes ${JSON.stringify(grpcCode)}`,
        allowed: 'HttpCode for HTTP1 and HTTP2 target groups; GrpcCode only with ProtocolVersion GRPC',
        fix: 'Set protocolVersion: elbv2.ApplicationProtocolVersion.GRPC on the target group, or use healthyHttpCodes.',
      });
    }
    const range = httpRange(toStr(tg.properties.Protocol));
    if (!grpc && range && typeof http === 'string') {
      const codes = matcherCodes(http);
      if (!codes || codes.some((c) => c < range.min || c > range.max)) {
        issues.push({
          property: 'Properties/Matcher/HttpCode',
          value: http,
          problem: `HTTP success codes ${JSON.stringify(http)} are not ${codes ? `within ${range.min}-${range.max}` : 'a code, list or range'}`,
          allowed: `codes ${range.min}-${range.max} for ${range.lb} target group (${toStr(tg.properties.Protocol)}), as "200", "200,202" or "200-299"`,
          fix: `Set healthyHttpCodes within ${range.min}-${range.max}, e.g. "200-399".`,
        });
      }
    }
    if (grpc && typeof grpcCode === 'string') {
      const codes = matcherCodes(grpcCode);
      if (!codes || codes.some((c) => c > 99)) {
        issues.push({
          property: 'Properties/Matcher/GrpcCode',
          value: grpcCode,
          problem: `gRPC success codes ${JSON.stringify(grpcCode)} are not ${codes ? 'within 0-99' : 'a code, list or range'}`,
          allowed: 'gRPC codes 0-99, as "0", "0,1" or "0-5"',
          fix: 'Set healthyGrpcCodes within 0-99, e.g. "0" for OK.',
        });
      }
    }
    return issues;
  },
};
