/** ECS-SV-39: listener rule host conditions are host names (found by a networking-team trial). */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as fc from 'fast-check';
import { hostHeaderProblem, SV39_HOST_HEADER_VALUES as rule } from '../../../src/rules/service/sv-39-host-header-values';
import { check } from '../helpers';

function hosts(values: string[]) {
  const stack = new Stack(new App(), 'Hosts');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
  const alb = new elbv2.ApplicationLoadBalancer(stack, 'Lb', { vpc });
  const listener = alb.addListener('Http', { port: 80, defaultAction: elbv2.ListenerAction.fixedResponse(404) });
  listener.addAction('Api', { priority: 10, conditions: [elbv2.ListenerCondition.hostHeaders(values)], action: elbv2.ListenerAction.fixedResponse(200) });
  return check(rule, Template.fromStack(stack).toJSON().Resources).map((f) => f.message);
}

describe('ECS-SV-39 host header values', () => {
  test('bad: a URL, a bare name', () => {
    expect(hosts(['https://api.example.com/'])).toEqual([
      '[ECS-SV-39] host-header value "https://api.example.com/" contains ":", "/", which a host name cannot at TestStack/LbHttpApiRuleF16010CF; '
      + 'allowed: a host name of letters, digits, -, _ and ., with * and ? as wildcards and at least one ".". Use the host name only: "api.example.com".',
    ]);
    expect(hosts(['localhost'])).toEqual([expect.stringContaining('has no "."')]);
  });

  test('good: host names and wildcards', () => {
    expect(hosts(['api.example.com', '*.example.com', 'shop-?.example.co.uk'])).toEqual([]);
  });

  test('property: every dotted name of allowed characters passes', () => {
    const label = fc.stringMatching(/^[a-z0-9*?_-]{1,10}$/);
    fc.assert(fc.property(fc.array(label, { minLength: 1, maxLength: 4 }), fc.stringMatching(/^[a-z]{2,6}$/), (labels, tld) =>
      hostHeaderProblem(`${labels.join('.')}.${tld}`) === undefined));
  });
});
