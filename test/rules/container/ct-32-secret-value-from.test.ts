import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { CT32_SECRET_VALUE_FROM as rule } from '../../../src/rules/container/ct-32-secret-value-from';
import { check } from '../helpers';
import { taskWith } from '../task/fixtures';

const reading = (...valueFroms: unknown[]) => taskWith([{ Name: 'app', Image: 'x', Secrets: valueFroms.map((ValueFrom, i) => ({ Name: `S${i}`, ValueFrom })) }]);

describe('ECS-CT-32 secret ValueFrom', () => {
  test('bad: an S3 ARN, an SSM ARN without parameter/, a Secrets Manager ARN without secret: (found by a user trial)', () => {
    const findings = check(rule, {
      T: reading(
        'arn:aws:s3:::config-bucket/app.env',
        'arn:aws:ssm:eu-west-1:111111111111:app/token',
        'arn:aws:secretsmanager:eu-west-1:111111111111:db-AbCdEf',
      ),
    });
    expect(findings.map((f) => f.property)).toEqual([0, 1, 2].map((j) => `Properties/ContainerDefinitions/0/Secrets/${j}/ValueFrom`));
    expect(findings[0].message).toBe('[ECS-CT-32] container \'app\' reads secret "S0" from arn:aws:s3:::config-bucket/app.env, which is an ARN of s3, not of a Secrets Manager '
      + 'secret or an SSM parameter at TestStack/T; allowed: the ARN of a Secrets Manager secret (arn:...:secretsmanager:...:secret:NAME) or of an SSM parameter '
      + '(arn:...:ssm:...:parameter/NAME), or a parameter name. Store the value in Secrets Manager or SSM Parameter Store and name that ARN; an environment file in S3 goes in EnvironmentFiles.');
    expect(findings[1].message).toContain('which is an SSM ARN without parameter/ before the name');
    expect(findings[1].message).toContain("Write the parameter's ARN as arn:...:ssm:REGION:ACCOUNT:parameter/app/token.");
    expect(findings[2].message).toContain('which is a Secrets Manager ARN without secret: before the name');
  });

  test('bad: a log router secret option', () => {
    const t = taskWith([{ Name: 'app', Image: 'x', LogConfiguration: { LogDriver: 'awsfirelens', SecretOptions: [{ Name: 'apikey', ValueFrom: 'arn:aws:kms:eu-west-1:111111111111:key/1' }] } }]);
    expect(check(rule, { T: t }).map((f) => f.property)).toEqual(['Properties/ContainerDefinitions/0/LogConfiguration/SecretOptions/0/ValueFrom']);
  });

  test('good: secret and parameter ARNs (JSON keys too), parameter names, references', () => {
    expect(check(rule, {
      T: reading(
        'arn:aws:secretsmanager:eu-west-1:111111111111:secret:db-AbCdEf',
        'arn:aws:secretsmanager:eu-west-1:111111111111:secret:db-AbCdEf:password::',
        'arn:aws:ssm:eu-west-1:111111111111:parameter/app/token',
        '/app/token', 'token',
        { Ref: 'Secret' },
        { 'Fn::Sub': 'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/app/a' },
      ),
    })).toEqual([]);
  });

  test('good: aws-cdk-lib ecs.Secret.fromSecretsManager and fromSsmParameter', () => {
    const stack = new Stack(new App(), 'TestStack');
    const td = new ecs.FargateTaskDefinition(stack, 'T');
    td.addContainer('app', {
      image: ecs.ContainerImage.fromRegistry('nginx'),
      secrets: {
        DB: ecs.Secret.fromSecretsManager(new secretsmanager.Secret(stack, 'Db'), 'password'),
        TOKEN: ecs.Secret.fromSsmParameter(ssm.StringParameter.fromSecureStringParameterAttributes(stack, 'P', { parameterName: '/app/token' })),
      },
    });
    expect(check(rule, Template.fromStack(stack).toJSON().Resources)).toEqual([]);
  });
});
