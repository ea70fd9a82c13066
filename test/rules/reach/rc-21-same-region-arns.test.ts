import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { runRules } from '../../../src/rules/engine';
import { AssemblyModel } from '../../../src/rules/model';
import { RC21_SAME_REGION_ARNS as rule } from '../../../src/rules/reach/rc-21-same-region-arns';

const CERT_EU = 'arn:aws:acm:eu-west-1:111111111111:certificate/11111111-2222-3333-4444-555555555555';
const listener = (arn: unknown) => ({ Type: 'AWS::ElasticLoadBalancingV2::Listener', Properties: { LoadBalancerArn: 'lb', Port: 443, Protocol: 'HTTPS', Certificates: [{ CertificateArn: arn }], DefaultActions: [] } });
const service = (props: Record<string, unknown>) => ({ Type: 'AWS::ECS::Service', Properties: { LaunchType: 'FARGATE', ...props } });
const run = (resources: Record<string, unknown>, region?: string) =>
  runRules(new AssemblyModel([{ name: 'S', environment: { region }, template: { Resources: resources } as never }]), { rules: [rule] });

describe('ECS-RC-21 ARNs of another Region', () => {
  test('bad: a listener certificate of eu-west-1 in a us-east-1 stack (found by a user trial)', () => {
    const [f, ...rest] = run({ L: listener(CERT_EU) }, 'us-east-1');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ruleId: 'ECS-RC-21', severity: 'error', property: 'Properties/Certificates/0/CertificateArn' });
    expect(f.message).toBe(`[ECS-RC-21] certificate ${CERT_EU} is in eu-west-1, but the stack deploys to us-east-1 at S/L; allowed: a certificate of us-east-1. `
      + 'Request or import the certificate in ACM in us-east-1 (ACM certificates are regional; a certificate of eu-west-1 cannot be used there) and use that ARN.');
  });

  test('bad: a service\'s cluster and task definition ARNs of another Region; a ListenerCertificate', () => {
    const findings = run({
      Svc: service({ Cluster: 'arn:aws:ecs:eu-west-1:111111111111:cluster/main', TaskDefinition: { 'Fn::Sub': 'arn:${AWS::Partition}:ecs:eu-west-1:${AWS::AccountId}:task-definition/web:3' } }),
      Extra: { Type: 'AWS::ElasticLoadBalancingV2::ListenerCertificate', Properties: { ListenerArn: 'l', Certificates: [{ CertificateArn: CERT_EU }] } },
    }, 'us-east-1');
    expect(findings.map((f) => [f.logicalId, f.property])).toEqual([
      ['Svc', 'Properties/Cluster'], ['Extra', 'Properties/Certificates/0/CertificateArn'],
    ]);
    expect(findings[0].message).toContain("Use a cluster of us-east-1, or deploy the service's stack to eu-west-1 (env: { region: 'eu-west-1' }).");
  });

  test('good: ARNs of the stack\'s Region, ARNs built with AWS::Region, names', () => {
    expect(run({ L: listener(CERT_EU), Svc: service({ Cluster: 'main', TaskDefinition: { Ref: 'Td' } }) }, 'eu-west-1')).toEqual([]);
    expect(run({ L: listener({ 'Fn::Sub': 'arn:aws:acm:${AWS::Region}:111111111111:certificate/x' }) }, 'us-east-1')).toEqual([]);
  });

  test('skipped: an env-agnostic stack, a parameter', () => {
    expect(run({ L: listener(CERT_EU) })).toEqual([]);
    expect(run({ L: listener({ Ref: 'CertArn' }) }, 'us-east-1')).toEqual([]);
  });

  test('bad: aws-cdk-lib, a certificate imported by ARN from another Region', () => {
    const stack = new Stack(new App(), 'S', { env: { account: '111111111111', region: 'us-east-1' } });
    const vpc = new ec2.Vpc(stack, 'Vpc', { availabilityZones: ['us-east-1a', 'us-east-1b'], natGateways: 0 });
    const lb = new elbv2.ApplicationLoadBalancer(stack, 'Lb', { vpc });
    lb.addListener('Https', { port: 443, certificates: [acm.Certificate.fromCertificateArn(stack, 'Cert', CERT_EU)], defaultAction: elbv2.ListenerAction.fixedResponse(404) });
    const t = Template.fromStack(stack).toJSON();
    const model = new AssemblyModel([{ name: 'S', environment: { account: '111111111111', region: 'us-east-1' }, template: t }]);
    expect(runRules(model, { rules: [rule] }).map((f) => f.ruleId)).toEqual(['ECS-RC-21']);
  });
});
