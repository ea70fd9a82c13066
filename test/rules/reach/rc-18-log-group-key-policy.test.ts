/** ECS-RC-18: CloudWatch Logs must be able to use the KMS key of an encrypted log group. */
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { KmsKeys } from '../../../src';
import { runRules } from '../../../src/rules/engine';
import { AssemblyModel } from '../../../src/rules/model';
import { RC18_LOG_GROUP_KEY_POLICY } from '../../../src/rules/reach/rc-18-log-group-key-policy';
import { check, Resources } from '../helpers';

const ACCOUNT = { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'kms:*', Resource: '*' };
const LOGS = { Effect: 'Allow', Principal: { Service: 'logs.eu-west-1.amazonaws.com' }, Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:GenerateDataKey*'], Resource: '*' };

function template(policy: unknown, kmsKeyId: unknown = { 'Fn::GetAtt': ['Key', 'Arn'] }): Resources {
  return {
    Key: { Type: 'AWS::KMS::Key', Properties: policy === undefined ? {} : { KeyPolicy: policy } },
    Logs: { Type: 'AWS::Logs::LogGroup', Properties: { KmsKeyId: kmsKeyId, RetentionInDays: 365 } },
  };
}
const statements = (...s: unknown[]) => ({ Version: '2012-10-17', Statement: s });
const messages = (r: Resources) => check(RC18_LOG_GROUP_KEY_POLICY, r).map((f) => f.message);

describe('ECS-RC-18 log group key policy (L1)', () => {
  test('bad: a key policy for the account only, and a key without a policy (the default admits the account only)', () => {
    expect(messages(template(statements(ACCOUNT)))).toEqual([
      '[ECS-RC-18] log group encryption key TestStack/Key has a key policy that does not let CloudWatch Logs use it at TestStack/Logs; allowed: a key '
      + 'policy statement that allows the service principal logs.REGION.amazonaws.com kms:GenerateDataKey and kms:Decrypt (KmsKeys.create with '
      + 'forCloudWatchLogs writes kms:Encrypt*, kms:Decrypt*, kms:ReEncrypt*, kms:GenerateDataKey*, kms:Describe*). Create the key with '
      + 'KmsKeys.create(scope, id, { forCloudWatchLogs: true }), or add that statement to TestStack/Key with key.addToResourcePolicy(), principal '
      + 'new iam.ServicePrincipal(`logs.${Stack.of(this).region}.amazonaws.com`).',
    ]);
    expect(messages(template(undefined))).toHaveLength(1);
  });

  test('bad: the logs principal without the actions it needs, or denied; another service admitted', () => {
    expect(messages(template(statements(ACCOUNT, { ...LOGS, Action: 'kms:Encrypt*' })))).toHaveLength(1);
    expect(messages(template(statements(ACCOUNT, { ...LOGS, Effect: 'Deny' })))).toHaveLength(1);
    expect(messages(template(statements(ACCOUNT, { ...LOGS, Principal: { Service: 'sns.amazonaws.com' } })))).toHaveLength(1);
  });

  test('good: the logs principal (by Region, in a Join on AWS::Region, Region-less, in a list), kms:* or *, anyone', () => {
    expect(messages(template(statements(ACCOUNT, LOGS)))).toEqual([]);
    const joined = { 'Fn::Join': ['', ['logs.', { Ref: 'AWS::Region' }, '.amazonaws.com']] };
    expect(messages(template(statements(ACCOUNT, { ...LOGS, Principal: { Service: joined } })))).toEqual([]);
    expect(messages(template(statements({ ...LOGS, Principal: { Service: ['sns.amazonaws.com', 'logs.amazonaws.com'] }, Action: 'kms:*' })))).toEqual([]);
    expect(messages(template(statements({ ...LOGS, Action: '*' })))).toEqual([]);
    expect(messages(template(statements({ ...ACCOUNT, Principal: '*' })))).toEqual([]);
    // A single statement object, not a list.
    expect(messages(template({ Version: '2012-10-17', Statement: LOGS }))).toEqual([]);
  });

  test('skipped: a key outside the app, an alias, an unresolved policy, principal or action', () => {
    expect(messages(template(statements(ACCOUNT), 'arn:aws:kms:eu-west-1:111111111111:key/abc'))).toEqual([]);
    expect(messages(template(statements(ACCOUNT), { Ref: 'KeyArnParam' }))).toEqual([]);
    expect(messages(template({ 'Fn::If': ['C', statements(ACCOUNT), statements(LOGS)] }))).toEqual([]);
    expect(messages(template(statements(ACCOUNT, { ...LOGS, Principal: { Service: { Ref: 'ServiceParam' } } })))).toEqual([]);
    expect(messages(template(statements(ACCOUNT, { ...LOGS, Principal: { Service: { 'Fn::Join': ['', [{ Ref: 'P' }, '.amazonaws.com']] } } })))).toEqual([]);
    expect(messages(template(statements(ACCOUNT, { ...LOGS, Action: { Ref: 'Actions' } })))).toEqual([]);
    expect(messages(template(statements(ACCOUNT, { ...LOGS, NotPrincipal: { AWS: 'x' }, Principal: undefined })))).toEqual([]);
  });
});

describe('ECS-RC-18 on aws-cdk-lib L2 templates (env-agnostic)', () => {
  function findings(build: (stack: Stack) => void): string[] {
    const app = new App({ context: { 'aws:cdk:enable-path-metadata': true } });
    const stack = new Stack(app, 'L2');
    build(stack);
    const model = new AssemblyModel([{ name: 'L2', template: app.synth().getStackArtifact(stack.artifactId).template }]);
    return runRules(model, { rules: [RC18_LOG_GROUP_KEY_POLICY] }).map((f) => f.path);
  }

  test('logs.LogGroup with a plain kms.Key fails (aws-cdk#28304); KmsKeys.create with forCloudWatchLogs, or the statement added, passes', () => {
    expect(findings((s) => new logs.LogGroup(s, 'Logs', { encryptionKey: new kms.Key(s, 'Key') }))).toEqual(['L2/Logs']);
    expect(findings((s) => new logs.LogGroup(s, 'Logs', { encryptionKey: KmsKeys.create(s, 'Key', { forCloudWatchLogs: true }) }))).toEqual([]);
    expect(findings((s) => {
      const key = new kms.Key(s, 'Key');
      key.addToResourcePolicy(new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal(`logs.${s.region}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
      }));
      new logs.LogGroup(s, 'Logs', { encryptionKey: key });
    })).toEqual([]);
  });

  // aws-cdk-lib adds the CloudWatch Logs statement (with an encryption context condition) to the exec key once a service uses ECS Exec.
  test('an ECS Exec log group on the cluster\'s exec key passes once a service enables exec', () => {
    expect(findings((s) => {
      const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 1, natGateways: 0 });
      const kmsKey = new kms.Key(s, 'ExecKey', { enableKeyRotation: true });
      const logGroup = new logs.LogGroup(s, 'ExecLogs', { encryptionKey: kmsKey });
      const logConfiguration = { cloudWatchLogGroup: logGroup, cloudWatchEncryptionEnabled: true };
      const cluster = new ecs.Cluster(s, 'Cluster', { vpc, executeCommandConfiguration: { kmsKey, logConfiguration, logging: ecs.ExecuteCommandLogging.OVERRIDE } });
      const taskDefinition = new ecs.FargateTaskDefinition(s, 'Task');
      taskDefinition.addContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
      new ecs.FargateService(s, 'Service', { cluster, taskDefinition, enableExecuteCommand: true });
    })).toEqual([]);
  });

  test('a VPC flow log to a log group with a plain key fails', () => {
    expect(findings((s) => {
      const logGroup = new logs.LogGroup(s, 'FlowLogs', { encryptionKey: new kms.Key(s, 'Key', { enableKeyRotation: true }) });
      new ec2.Vpc(s, 'Vpc', { maxAzs: 1, flowLogs: { all: { destination: ec2.FlowLogDestination.toCloudWatchLogs(logGroup) } } });
    })).toEqual(['L2/FlowLogs']);
  });
});
