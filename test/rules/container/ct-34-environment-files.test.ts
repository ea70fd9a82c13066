/** ECS-CT-34: environment files have a .env extension, at most ten per container (found by a user trial). */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { CT34_ENVIRONMENT_FILES as rule } from '../../../src/rules/container/ct-34-environment-files';
import { runRules } from '../../../src/rules/engine';
import { AssemblyModel } from '../../../src/rules/model';
import { check } from '../helpers';
import { taskWith } from '../task/fixtures';

const files = (...values: unknown[]) => taskWith([{ Name: 'app', Image: 'x', EnvironmentFiles: values.map((Value) => ({ Type: 's3', Value })) }]);

describe('ECS-CT-34 environment files', () => {
  test('bad: an object without .env; eleven files', () => {
    const findings = check(rule, { T: files('arn:aws:s3:::config/orders/app.properties', 'arn:aws:s3:::config/orders/app.env') });
    expect(findings.map((f) => f.message)).toEqual(['[ECS-CT-34] container \'app\' reads environment file orders/app.properties, which has no .env extension '
      + 'at TestStack/T; allowed: S3 objects whose names end in .env. Rename the object to end in .env (for example orders/app.env) and point the container at it.']);
    const many = check(rule, { T: files(...Array.from({ length: 11 }, (_, i) => `arn:aws:s3:::config/${i}.env`)) });
    expect(many.map((f) => f.property)).toEqual(['Properties/ContainerDefinitions/0/EnvironmentFiles']);
    expect(many[0].severity).toBe('warning');
  });

  test('bad: aws-cdk-lib EnvironmentFile.fromBucket (a joined ARN) with a .properties key', () => {
    const stack = new Stack(new App(), 'Env');
    const task = new ecs.FargateTaskDefinition(stack, 'Task');
    const bucket = new s3.Bucket(stack, 'Bucket');
    task.addContainer('app', { image: ecs.ContainerImage.fromRegistry('x'), environmentFiles: [ecs.EnvironmentFile.fromBucket(bucket, 'orders/app.properties')] });
    expect(runRules(new AssemblyModel([{ name: 'Env', template: Template.fromStack(stack).toJSON() }]), { rules: [rule] }).map((f) => f.message))
      .toEqual([expect.stringContaining("container 'app' reads environment file orders/app.properties, which has no .env extension")]);
  });

  test('good: .env objects, ten files, unresolved values; aws-cdk-lib EnvironmentFile.fromBucket with a .env key', () => {
    expect(check(rule, { T: files('arn:aws:s3:::config/app.env', { 'Fn::Join': ['', ['arn:aws:s3:::config/', { Ref: 'Key' }]] }) })).toEqual([]);
    expect(check(rule, { T: files(...Array.from({ length: 10 }, (_, i) => `arn:aws:s3:::config/${i}.env`)) })).toEqual([]);
    const stack = new Stack(new App(), 'Env');
    const task = new ecs.FargateTaskDefinition(stack, 'Task');
    const bucket = s3.Bucket.fromBucketName(stack, 'Bucket', 'config-bucket');
    task.addContainer('app', { image: ecs.ContainerImage.fromRegistry('x'), environmentFiles: [ecs.EnvironmentFile.fromBucket(bucket, 'orders/app.env')] });
    expect(runRules(new AssemblyModel([{ name: 'Env', template: Template.fromStack(stack).toJSON() }]), { rules: [rule] })).toEqual([]);
  });
});
