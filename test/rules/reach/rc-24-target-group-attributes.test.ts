/** ECS-RC-24: numeric target group attributes within ELB's ranges (found by a deployments-team trial). */
import { App, CfnParameter, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { RC24_TARGET_GROUP_ATTRIBUTES as rule } from '../../../src/rules/reach/rc-24-target-group-attributes';
import { check } from '../helpers';

function targetGroup(props: Partial<elbv2.ApplicationTargetGroupProps>, attributes: Record<string, string> = {}, parameter?: string) {
  const stack = new Stack(new App(), 'Tg');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
  const tg = new elbv2.ApplicationTargetGroup(stack, 'Tg', { vpc, port: 80, targetType: elbv2.TargetType.IP, ...props });
  for (const [k, v] of Object.entries(attributes)) tg.setAttribute(k, v);
  if (parameter) tg.setAttribute(parameter, new CfnParameter(stack, 'Value', { type: 'Number' }).valueAsString);
  return { stack, resources: Template.fromStack(stack).toJSON().Resources };
}

const messages = (props: Partial<elbv2.ApplicationTargetGroupProps>, attributes?: Record<string, string>) =>
  check(rule, targetGroup(props, attributes).resources).map((f) => f.message);

describe('ECS-RC-24 target group attributes', () => {
  test('bad: deregistration delay 3601 s, slow start 10 s, stickiness for 8 days', () => {
    expect(messages({ deregistrationDelay: Duration.seconds(3601) })).toEqual([
      '[ECS-RC-24] deregistration delay deregistration_delay.timeout_seconds is "3601", outside Elastic Load Balancing\'s range at TestStack/TgBB611D2A; '
      + 'allowed: integers 0-3600 seconds. Set deregistration_delay.timeout_seconds to 3600.',
    ]);
    expect(messages({}, { ['slow_start.duration_seconds']: '10' })).toEqual([expect.stringContaining('allowed: integers 30-900 seconds (or 0 for off). Set slow_start.duration_seconds to 30 (or 0 to turn it off).')]);
    expect(messages({}, { 'stickiness.lb_cookie.duration_seconds': '691200' })).toEqual([expect.stringContaining('stickiness.lb_cookie.duration_seconds is "691200"')]);
    expect(messages({}, { 'stickiness.app_cookie.duration_seconds': '0', 'deregistration_delay.timeout_seconds': 'abc' })).toHaveLength(2);
  });

  test('good: the bounds, slow start off, other attributes, unresolved values', () => {
    const bounds = { deregistrationDelay: Duration.hours(1), slowStart: Duration.minutes(15), stickinessCookieDuration: Duration.days(7) };
    expect(messages(bounds)).toEqual([]);
    expect(messages({ deregistrationDelay: Duration.seconds(0), slowStart: Duration.seconds(30) }, { 'slow_start.duration_seconds': '0' })).toEqual([]);
    expect(messages({}, { 'load_balancing.algorithm.type': 'least_outstanding_requests' })).toEqual([]);
    expect(check(rule, targetGroup({}, {}, 'deregistration_delay.timeout_seconds').resources)).toEqual([]);
  });
});
