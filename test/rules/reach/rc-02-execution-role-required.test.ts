/** ECS-RC-02: secrets, registry credentials, and on Fargate awslogs and ECR images, need an execution role. */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { runRules } from '../../../src/rules/engine';
import { AssemblyModel } from '../../../src/rules/model';
import { RC02_EXECUTION_ROLE_REQUIRED } from '../../../src/rules/reach/rc-02-execution-role-required';
import { check, fargateTask } from '../helpers';

const AWSLOGS = { LogDriver: 'awslogs', Options: { 'awslogs-group': 'g', 'awslogs-region': 'eu-west-1' } };
const ECR = '111111111111.dkr.ecr.eu-west-1.amazonaws.com/app:1';
const run = (task: ReturnType<typeof fargateTask>) => check(RC02_EXECUTION_ROLE_REQUIRED, { Task: task }).map((f) => f.message);

describe('ECS-RC-02 execution role required', () => {
  test('bad: Fargate with awslogs and an ECR image, no execution role', () => {
    expect(run(fargateTask({ ContainerDefinitions: [{ Name: 'app', Image: ECR, LogConfiguration: AWSLOGS }] }))).toEqual([
      "[ECS-RC-02] Fargate task definition has no ExecutionRoleArn but container 'app' logs with awslogs, container 'app' pulls an ECR image at TestStack/Task; "
      + 'allowed: an ExecutionRoleArn whenever a container reads secrets (Secrets or log SecretOptions) or environment files or uses registry credentials, and on Fargate for awslogs and ECR images. '
      + 'Set ExecutionRoleArn to a role for ecs-tasks.amazonaws.com with the AmazonECSTaskExecutionRolePolicy managed policy (plus read access to the secrets '
      + 'and environment files).',
    ]);
  });

  test('bad: a dual-stack ECR image URI (IPv6-only tasks use them) is an ECR image too', () => {
    const dualStack = { 'Fn::Sub': '${AWS::AccountId}.dkr-ecr.${AWS::Region}.on.aws/app:1.0.0' };
    expect(run(fargateTask({ ContainerDefinitions: [{ Name: 'app', Image: dualStack }] }))).toEqual([
      expect.stringContaining("has no ExecutionRoleArn but container 'app' pulls an ECR image"),
    ]);
    expect(run(fargateTask({ ContainerDefinitions: [{ Name: 'app', Image: '111111111111.dkr-ecr.eu-west-1.on.aws/app:1' }] }))).toHaveLength(1);
  });

  test('bad: secrets or registry credentials on EC2 too', () => {
    const ec2Task = (container: Record<string, unknown>) => ({ Type: 'AWS::ECS::TaskDefinition', Properties: { ContainerDefinitions: [{ Name: 'app', Image: 'nginx', Memory: 256, ...container }] } });
    expect(run(ec2Task({ Secrets: [{ Name: 'DB', ValueFrom: 'arn:aws:ssm:eu-west-1:1:parameter/db' }] }))[0]).toContain("task definition has no ExecutionRoleArn but container 'app' reads secrets");
    expect(run(ec2Task({ RepositoryCredentials: { CredentialsParameter: 'arn:aws:secretsmanager:eu-west-1:1:secret:hub' } }))[0]).toContain('pulls with registry credentials');
    // Environment files are downloaded with the execution role, on EC2 as on Fargate.
    const envFile = { EnvironmentFiles: [{ Type: 's3', Value: 'arn:aws:s3:::config/app.env' }] };
    expect(run(ec2Task(envFile))[0]).toContain("task definition has no ExecutionRoleArn but container 'app' reads environment files from S3");
  });

  test('bad: a log driver secret (SecretOptions) without an execution role, on EC2 too', () => {
    const splunk = { LogDriver: 'splunk', Options: { 'splunk-url': 'https://splunk.example.com:8088' }, SecretOptions: [{ Name: 'splunk-token', ValueFrom: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:splunk-AbCdEf' }] };
    const ec2Task = { Type: 'AWS::ECS::TaskDefinition', Properties: { ContainerDefinitions: [{ Name: 'app', Image: 'nginx', Memory: 256, LogConfiguration: splunk }] } };
    expect(run(ec2Task as any)[0]).toContain("task definition has no ExecutionRoleArn but container 'app' passes secrets to its log driver (SecretOptions)");
    expect(run(fargateTask({ ExecutionRoleArn: 'arn:aws:iam::111111111111:role/exec', ContainerDefinitions: [{ Name: 'app', Image: 'nginx', LogConfiguration: splunk }] }))).toEqual([]);
  });

  test('good: an execution role; EC2 with awslogs and ECR (the instance role serves them); a public image without logs', () => {
    expect(run(fargateTask({ ExecutionRoleArn: { 'Fn::GetAtt': ['Role', 'Arn'] }, ContainerDefinitions: [{ Name: 'app', Image: ECR, LogConfiguration: AWSLOGS }] }))).toEqual([]);
    expect(run({ Type: 'AWS::ECS::TaskDefinition', Properties: { ContainerDefinitions: [{ Name: 'app', Image: ECR, Memory: 256, LogConfiguration: AWSLOGS }] } } as any)).toEqual([]);
    expect(run(fargateTask())).toEqual([]);
  });

  test('unresolved: an image from a parameter is not judged', () => {
    expect(run(fargateTask({ ContainerDefinitions: [{ Name: 'app', Image: { Ref: 'ImageParam' } }] }))).toEqual([]);
  });

  test('L2: aws-cdk-lib always adds the execution role it needs (no finding); removing it by escape hatch is caught', () => {
    const findings = (removeRole: boolean) => {
      const stack = new Stack(new App(), 'L2');
      const td = new ecs.FargateTaskDefinition(stack, 'Td');
      const image = ecs.ContainerImage.fromEcrRepository(ecr.Repository.fromRepositoryName(stack, 'R', 'app'));
      td.addContainer('app', { image, logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'a' }) });
      if (removeRole) (td.node.defaultChild as ecs.CfnTaskDefinition).addPropertyDeletionOverride('ExecutionRoleArn');
      const model = new AssemblyModel([{ name: 'L2', template: Template.fromStack(stack).toJSON() }]);
      return runRules(model, { rules: [RC02_EXECUTION_ROLE_REQUIRED] }).map((f) => f.ruleId);
    };
    expect(findings(false)).toEqual([]);
    expect(findings(true)).toEqual(['ECS-RC-02']);
  });
});
