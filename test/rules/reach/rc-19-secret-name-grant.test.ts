/** ECS-RC-19: an execution role granted a secret name no secret can have (found by a Copilot user trial). */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { RC19_SECRET_NAME_GRANT as rule } from '../../../src/rules/reach/rc-19-secret-name-grant';
import { check, Resources } from '../helpers';

/** A Fargate task reading one imported secret, as aws-cdk-lib renders it (env-agnostic: the ARNs are Fn::Join). */
function taskWithSecret(name: string, field?: string): Resources {
  const stack = new Stack(new App(), 'S');
  const td = new ecs.FargateTaskDefinition(stack, 'Td');
  const secret = secretsmanager.Secret.fromSecretNameV2(stack, 'Stripe', name);
  td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx'), secrets: { STRIPE: ecs.Secret.fromSecretsManager(secret, field) } });
  return Template.fromStack(stack).toJSON().Resources;
}

describe('ECS-RC-19 the execution role\'s secret grant names a secret that can exist', () => {
  test('bad: a valueFrom suffix pasted into fromSecretNameV2', () => {
    const [f, ...rest] = check(rule, taskWithSecret('shop/prod/stripe:apiKey::'));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ruleId: 'ECS-RC-19', severity: 'error', property: 'Properties/ExecutionRoleArn' });
    expect(f.message).toMatch(/^\[ECS-RC-19\] execution role TestStack\/TdExecutionRole\w+ is granted secretsmanager:GetSecretValue on secret name 'shop\/prod\/stripe:apiKey::', which no secret has: secret names cannot contain ':' at TestStack\/Td\w+; /);
    expect(f.message).toContain("Import the secret as Secret.fromSecretNameV2(this, id, 'shop/prod/stripe') and read the key with ecs.Secret.fromSecretsManager(secret, 'apiKey').");
  });

  test('good: the name alone with the key in the container secret; a plain name; a literal full ARN with a key', () => {
    expect(check(rule, taskWithSecret('shop/prod/stripe', 'apiKey'))).toEqual([]);
    expect(check(rule, taskWithSecret('shop/prod/stripe'))).toEqual([]);
    const stack = new Stack(new App(), 'S');
    const td = new ecs.FargateTaskDefinition(stack, 'Td');
    const arn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop/prod/stripe-AbCdEf';
    const secret = secretsmanager.Secret.fromSecretCompleteArn(stack, 'Stripe', arn);
    td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx'), secrets: { STRIPE: ecs.Secret.fromSecretsManager(secret, 'apiKey') } });
    expect(check(rule, Template.fromStack(stack).toJSON().Resources)).toEqual([]);
  });

  test('skipped: an execution role outside the app', () => {
    const resources = taskWithSecret('shop/prod/stripe:apiKey::');
    const [id] = Object.entries(resources).find(([, r]) => r.Type === 'AWS::ECS::TaskDefinition')!;
    resources[id].Properties!.ExecutionRoleArn = 'arn:aws:iam::123456789012:role/exec';
    expect(check(rule, resources)).toEqual([]);
  });
});
