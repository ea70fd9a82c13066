import { App, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as acmpca from 'aws-cdk-lib/aws-acmpca';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { AwsSolutionsChecks } from 'cdk-nag';
import { IMAGE } from './helpers';
import { EcsCluster } from '../../src/cluster';
import { BackendService } from '../../src/service';
import { StandardTesting } from '../../src/standards';
import { FargateTask } from '../../src/task';

const CA_ARN = 'arn:aws:acm-pca:eu-west-1:111111111111:certificate-authority/11111111-2222-3333-4444-555555555555';

function backend(serviceConnect: object) {
  const app = new App();
  const stack = new Stack(app, 'S');
  const cluster = new EcsCluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'Vpc'), defaultCloudMapNamespace: { name: 'internal' } });
  const task = new FargateTask(stack, 'Task', { container: { image: IMAGE, portMappings: [{ containerPort: 9090, name: 'api' }] } });
  const ca = acmpca.CertificateAuthority.fromCertificateAuthorityArn(stack, 'Ca', CA_ARN);
  new BackendService(stack, 'Api', { cluster, task, serviceConnect: { tls: { certificateAuthority: ca }, ...serviceConnect } });
  return { app, stack };
}

test('TLS: Private CA, a new infrastructure role with the AWS TLS policy; access logs JSON without query strings', () => {
  // GIVEN / WHEN
  const { stack } = backend({ accessLogs: {} });

  // THEN
  const t = Template.fromStack(stack);
  t.hasResourceProperties('AWS::ECS::Service', {
    ServiceConnectConfiguration: Match.objectLike({
      Services: [Match.objectLike({
        PortName: 'api',
        Tls: { IssuerCertificateAuthority: { AwsPcaAuthorityArn: CA_ARN }, RoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('ApiServiceConnectTlsRole'), 'Arn'] } },
      })],
      AccessLogConfiguration: { Format: 'JSON', IncludeQueryParameters: 'DISABLED' },
      LogConfiguration: Match.objectLike({ LogDriver: 'awslogs' }),
    }),
  });
  t.hasResourceProperties('AWS::IAM::Role', {
    AssumeRolePolicyDocument: { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'ecs.amazonaws.com' } }] },
    ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AmazonECSInfrastructureRolePolicyForServiceConnectTransportLayerSecurity']] }],
  });
  expect(t.toJSON()).toMatchSnapshot();
});

test('TLS with a customer KMS key: the key ARN is rendered and the role may use it (managed policy, no inline policy)', () => {
  const app = new App();
  const stack = new Stack(app, 'S');
  const cluster = new EcsCluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'Vpc'), defaultCloudMapNamespace: { name: 'internal' } });
  const task = new FargateTask(stack, 'Task', { container: { image: IMAGE, portMappings: [{ containerPort: 9090, name: 'api' }] } });
  const kmsKey = new kms.Key(stack, 'TlsKey', { enableKeyRotation: true });
  const ca = acmpca.CertificateAuthority.fromCertificateAuthorityArn(stack, 'Ca', CA_ARN);
  new BackendService(stack, 'Api', { cluster, task, serviceConnect: { tls: { certificateAuthority: ca, kmsKey }, accessLogs: { format: ecs.ServiceConnectAccessLogFormat.TEXT, includeQueryParameters: true } } });

  const t = Template.fromStack(stack);
  t.hasResourceProperties('AWS::ECS::Service', {
    ServiceConnectConfiguration: Match.objectLike({
      Services: [Match.objectLike({ Tls: Match.objectLike({ KmsKey: { 'Fn::GetAtt': [Match.stringLikeRegexp('TlsKey'), 'Arn'] } }) })],
      AccessLogConfiguration: { Format: 'TEXT', IncludeQueryParameters: 'ENABLED' },
    }),
  });
  expect(JSON.stringify(t.findResources('AWS::IAM::ManagedPolicy'))).toContain('kms:Decrypt');
  t.resourceCountIs('AWS::IAM::Policy', 0);
});

test('TLS with a customer KMS key passes cdk-nag AwsSolutions: the key\'s action families are acknowledged, with the reason', () => {
  const app = new App();
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const stack = new Stack(app, 'S');
  const cluster = new EcsCluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'Vpc'), defaultCloudMapNamespace: { name: 'internal' } });
  const task = new FargateTask(stack, 'Task', { container: { image: IMAGE, portMappings: [{ containerPort: 9090, name: 'api' }] } });
  const kmsKey = new kms.Key(stack, 'TlsKey', { enableKeyRotation: true });
  const ca = acmpca.CertificateAuthority.fromCertificateAuthorityArn(stack, 'Ca', CA_ARN);
  new BackendService(stack, 'Api', { cluster, task, serviceConnect: { tls: { certificateAuthority: ca, kmsKey } } });
  const report = StandardTesting.synthReport(app);
  const onRole = (text: string) => text.includes('ServiceConnectTlsRole');
  expect(report.findings.filter((f) => f.ruleId.includes('IAM5') && onRole(JSON.stringify(f)))).toEqual([]);
  const acks = report.acknowledged.filter((a) => a.finding.ruleId.includes('IAM5') && onRole(JSON.stringify(a.finding)));
  expect(acks.map((a) => a.finding.ruleId).sort()).toEqual(['AwsSolutions-IAM5[Action::kms:GenerateDataKey*]', 'AwsSolutions-IAM5[Action::kms:ReEncrypt*]']);
  expect(acks[0].reason).toContain('serviceConnect.tls.kmsKey');
});

test('an imported role is used as given', () => {
  const app = new App();
  const stack = new Stack(app, 'S');
  const cluster = new EcsCluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'Vpc'), defaultCloudMapNamespace: { name: 'internal' } });
  const task = new FargateTask(stack, 'Task', { container: { image: IMAGE, portMappings: [{ containerPort: 9090, name: 'api' }] } });
  const role = iam.Role.fromRoleArn(stack, 'R', 'arn:aws:iam::111111111111:role/sc-tls');
  const ca = acmpca.CertificateAuthority.fromCertificateAuthorityArn(stack, 'Ca', CA_ARN);
  new BackendService(stack, 'Api', { cluster, task, serviceConnect: { tls: { certificateAuthority: ca, role } } });
  Template.fromStack(stack).hasResourceProperties('AWS::ECS::Service', {
    ServiceConnectConfiguration: Match.objectLike({ Services: [Match.objectLike({ Tls: Match.objectLike({ RoleArn: 'arn:aws:iam::111111111111:role/sc-tls' }) })] }),
  });
  Template.fromStack(stack).resourceCountIs('AWS::IAM::Role', 2); // task and execution roles; none for TLS
});
