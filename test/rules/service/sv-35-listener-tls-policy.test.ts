import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { runRules } from '../../../src/rules/engine';
import { AssemblyModel } from '../../../src/rules/model';
import { SV35_LISTENER_TLS_POLICY as rule } from '../../../src/rules/service/sv-35-listener-tls-policy';
import { check } from '../helpers';

const listener = (SslPolicy?: unknown) => ({
  L: {
    Type: 'AWS::ElasticLoadBalancingV2::Listener',
    Properties: { LoadBalancerArn: 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/a/1', Port: 443, Protocol: 'HTTPS', ...SslPolicy ? { SslPolicy } : {} },
  },
});

describe('ECS-SV-35 listener TLS policy (found by a compliance trial: SslPolicy.LEGACY passed every pack)', () => {
  test('bad: policies that accept TLS 1.0 or 1.1', () => {
    for (const policy of ['ELBSecurityPolicy-TLS-1-0-2015-04', 'ELBSecurityPolicy-2016-08', 'ELBSecurityPolicy-TLS-1-1-2017-01', 'ELBSecurityPolicy-TLS13-1-1-2021-06', 'ELBSecurityPolicy-FS-1-1-2019-08']) {
      const [f, ...rest] = check(rule, listener(policy));
      expect(rest).toEqual([]);
      expect(f).toMatchObject({ ruleId: 'ECS-SV-35', severity: 'warning', property: 'Properties/SslPolicy', value: JSON.stringify(policy) });
      expect(f.message).toBe(`[ECS-SV-35] listener security policy ${policy} accepts TLS 1.0 or 1.1 clients at TestStack/L; allowed: a security policy with a TLS 1.2 minimum, `
        + 'e.g. ELBSecurityPolicy-TLS13-1-2-2021-06. Set sslPolicy to elbv2.SslPolicy.RECOMMENDED_TLS (ELBSecurityPolicy-TLS13-1-2-2021-06, the kit\'s default) or SslPolicy.TLS12.');
    }
  });

  test('good: TLS 1.2+ policies, no SslPolicy, an unresolved one', () => {
    for (const policy of ['ELBSecurityPolicy-TLS13-1-2-2021-06', 'ELBSecurityPolicy-TLS-1-2-2017-01', 'ELBSecurityPolicy-FS-1-2-Res-2020-10', 'ELBSecurityPolicy-TLS13-1-3-2021-06', undefined, { Ref: 'Policy' }]) {
      expect(check(rule, listener(policy))).toEqual([]);
    }
  });

  test('aws-cdk-lib: SslPolicy.LEGACY is flagged, RECOMMENDED_TLS is not', () => {
    const findings = (sslPolicy: elbv2.SslPolicy) => {
      const stack = new Stack(new App(), 'S');
      const lb = new elbv2.ApplicationLoadBalancer(stack, 'Lb', { vpc: new ec2.Vpc(stack, 'Vpc') });
      lb.addListener('Https', { port: 443, certificates: [elbv2.ListenerCertificate.fromArn('arn:aws:acm:eu-west-1:111111111111:certificate/x')], sslPolicy, defaultAction: elbv2.ListenerAction.fixedResponse(404) });
      return runRules(new AssemblyModel([{ name: 'S', template: Template.fromStack(stack).toJSON() }]), { rules: [rule] }).map((f) => f.ruleId);
    };
    expect(findings(elbv2.SslPolicy.LEGACY)).toEqual(['ECS-SV-35']);
    expect(findings(elbv2.SslPolicy.RECOMMENDED_TLS)).toEqual([]);
  });
});
