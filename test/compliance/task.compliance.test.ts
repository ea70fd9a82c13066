import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { complianceApp, describeFindings, PACKS, runCompliance } from './harness';
import { KmsKeys } from '../../src/security';
import { FargateSize, FargateTask } from '../../src/task';

test('a FargateTask with an ECR image, secrets and an EFS volume passes every pack with the single GetAuthorizationToken acknowledgement', () => {
  const app = complianceApp();
  const stack = new Stack(app, 'Task');
  const repo = ecr.Repository.fromRepositoryArn(stack, 'Repo', 'arn:aws:ecr:eu-west-1:123456789012:repository/web');
  const secret = secretsmanager.Secret.fromSecretCompleteArn(stack, 'Secret', 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf');
  // Imported: the file system's own findings belong to whoever owns it.
  const fileSystem = efs.FileSystem.fromFileSystemAttributes(stack, 'Fs', {
    fileSystemId: 'fs-0123456789abcdef0',
    securityGroup: ec2.SecurityGroup.fromSecurityGroupId(stack, 'FsSg', 'sg-0123456789abcdef0'),
  });
  const key = new kms.Key(stack, 'LogKey', { enableKeyRotation: true });
  // The key is the user's; Control Tower CT.KMS.PR.3 asks its policy to keep grants to AWS services.
  KmsKeys.restrictGrantsToAwsServices(key);
  const task = new FargateTask(stack, 'Web', {
    logEncryptionKey: key,
    logRetention: logs.RetentionDays.ONE_YEAR,
    container: {
      image: ecs.ContainerImage.fromEcrRepository(repo, '1.0.0'),
      portMappings: [{ containerPort: 8080 }],
      secrets: { DB_PASSWORD: ecs.Secret.fromSecretsManager(secret, 'password') },
      scratchPaths: ['/tmp'],
    },
  });
  task.addEfsVolume('data', { fileSystem, containerPath: '/data' });

  const result = runCompliance(app);

  expect(describeFindings(result.findings)).toBe('');
  for (const pack of PACKS) expect(result.countByPack[pack]).toBe(0);
  expect(result.acknowledged).toEqual([{
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason: expect.stringMatching(/ecr:GetAuthorizationToken/),
    path: 'Task/Web/ExecutionRole/Policy',
  }, {
    // The scratch-init container that makes /tmp writable for the non-root app runs as root.
    id: 'cdk-validator-cfnguard::ecs_task_definition_nonroot_user_check',
    reason: expect.stringMatching(/scratch-init.*chmod 1777/),
    path: 'Task/Web/TaskDefinition',
  }]);
});

test('a Windows FargateTask has exactly the two Control Tower findings Windows containers cannot meet, unacknowledged: a proactive hook would reject it (found by a Windows user trial)', () => {
  const app = complianceApp();
  const stack = new Stack(app, 'Win');
  const repo = ecr.Repository.fromRepositoryArn(stack, 'Repo', 'arn:aws:ecr:eu-west-1:123456789012:repository/iis');
  const key = new kms.Key(stack, 'LogKey', { enableKeyRotation: true });
  KmsKeys.restrictGrantsToAwsServices(key);
  new FargateTask(stack, 'Iis', {
    size: FargateSize.windows(1024, 2048),
    logEncryptionKey: key,
    logRetention: logs.RetentionDays.ONE_YEAR,
    container: { image: ecs.ContainerImage.fromEcrRepository(repo, '2022'), portMappings: [{ containerPort: 80 }] },
  });

  const result = runCompliance(app);

  // ECS rejects ReadonlyRootFilesystem and does not support user on Windows containers (docs/compliance.md).
  expect(result.findings.map((f) => `${f.ruleId} ${f.path}`).sort()).toEqual([
    'ecs_containers_readonly_access_check Win/Iis/TaskDefinition/Resource',
    'ecs_task_definition_nonroot_user_check Win/Iis/TaskDefinition/Resource',
  ]);
});
