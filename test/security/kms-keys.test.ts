import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import { KmsKeys } from '../../src';

const DENY_GRANTS = Match.objectLike({
  Sid: 'CreateGrantForAwsServicesOnly',
  Effect: 'Deny',
  Action: 'kms:CreateGrant',
  Condition: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
});

describe('KmsKeys', () => {
  test('create: rotation on, grants only for AWS services, no logs access unless asked', () => {
    const stack = new Stack(new App(), 'S');
    KmsKeys.create(stack, 'Key', { description: 'queues' });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      Description: 'queues',
      KeyPolicy: { Statement: Match.arrayWith([DENY_GRANTS]) },
    });
    expect(JSON.stringify(t.toJSON())).not.toContain('logs.');
  });

  test('forCloudWatchLogs lets CloudWatch Logs of this account and Region use the key for log groups', () => {
    const stack = new Stack(new App(), 'S', { env: { account: '111111111111', region: 'eu-west-1' } });
    KmsKeys.create(stack, 'Key', { forCloudWatchLogs: true });
    Template.fromStack(stack).hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'logs.eu-west-1.amazonaws.com' },
            Condition: {
              ArnLike: {
                'kms:EncryptionContext:aws:logs:arn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:eu-west-1:111111111111:log-group:*']] },
              },
            },
          }),
          DENY_GRANTS,
        ]),
      },
    });
  });

  test('an imported key is left alone (its policy is not ours)', () => {
    const stack = new Stack(new App(), 'S');
    const imported = kms.Key.fromKeyArn(stack, 'K', 'arn:aws:kms:eu-west-1:111111111111:key/11111111-2222-3333-4444-555555555555');
    expect(() => KmsKeys.restrictGrantsToAwsServices(imported)).not.toThrow();
    expect(Template.fromStack(stack).toJSON().Resources ?? {}).toEqual({});
  });
});
