import { App, Annotations as CoreAnnotations, Duration, Stack, Validations } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { EcsChecks } from '../../src';
import { WorkerService } from '../../src/service';
import { FargateSize, FargateTask } from '../../src/task';

const IMAGE = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');

function stack(): Stack {
  return new Stack(new App(), 'Test');
}

describe('FargateTask defaults', () => {
  test('tasks of one stack share one container-log key', () => {
    const s = stack();
    new FargateTask(s, 'A', { container: { image: IMAGE } });
    new FargateTask(s, 'B', { container: { image: IMAGE } });
    const t = Template.fromStack(s);
    t.resourceCountIs('AWS::KMS::Key', 1);
    t.resourceCountIs('AWS::Logs::LogGroup', 2);
    t.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  test('one container: awslogs with 1-year retention and the stack\'s log key, read-only root, non-root user, memory = task memory', () => {
    const s = stack();
    new FargateTask(s, 'Task', { container: { image: IMAGE } });
    const t = Template.fromStack(s);
    t.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365, KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^EcsKitContainerLogsKey'), 'Arn'] } });
    t.resourceCountIs('AWS::KMS::Key', 1);
    t.hasResourceProperties('AWS::ECS::TaskDefinition', {
      Cpu: '256',
      Memory: '512',
      NetworkMode: 'awsvpc',
      RequiresCompatibilities: ['FARGATE'],
      RuntimePlatform: { CpuArchitecture: 'X86_64', OperatingSystemFamily: 'LINUX' },
      ContainerDefinitions: [Match.objectLike({
        Name: 'app',
        Essential: true,
        Memory: 512,
        ReadonlyRootFilesystem: true,
        User: '1000',
        Privileged: Match.absent(),
        LogConfiguration: { LogDriver: 'awslogs', Options: Match.objectLike({ 'awslogs-stream-prefix': 'app' }) },
      })],
    });
    expect(t.toJSON()).toMatchSnapshot();
  });
});

function fullTask(s: Stack) {
  const repo = ecr.Repository.fromRepositoryArn(s, 'Repo', 'arn:aws:ecr:eu-west-1:123456789012:repository/web');
  const secret = secretsmanager.Secret.fromSecretCompleteArn(s, 'Secret', 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf');
  const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 0 });
  const fileSystem = new efs.FileSystem(s, 'Fs', { vpc });
  const accessPoint = fileSystem.addAccessPoint('Ap', { path: '/data', posixUser: { uid: '1000', gid: '1000' }, createAcl: { ownerUid: '1000', ownerGid: '1000', permissions: '750' } });
  const task = new FargateTask(s, 'Task', {
    size: FargateSize.of(512, 1024),
    cpuArchitecture: ecs.CpuArchitecture.ARM64,
    logRetention: 90 as any,
    container: {
      image: ecs.ContainerImage.fromEcrRepository(repo, '1.0.0'),
      portMappings: [{ containerPort: 8080 }],
      secrets: { DB_PASSWORD: ecs.Secret.fromSecretsManager(secret, 'password') },
      healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost:8080/ || exit 1'], interval: Duration.seconds(10) },
      scratchPaths: ['/tmp'],
    },
  });
  const sidecar = task.addContainer('proxy', { image: IMAGE, memoryLimitMiB: 256 });
  task.addEfsVolume('data', { fileSystem, accessPoint, containerPath: '/data' });
  return { task, sidecar, fileSystem, vpc };
}

describe('FargateTask with sidecar, ECR image, secrets and EFS', () => {
  test('roles are split and scoped by managed policies', () => {
    const s = stack();
    fullTask(s);
    const t = Template.fromStack(s);
    t.resourceCountIs('AWS::IAM::Policy', 0);
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      Roles: [{ Ref: Match.stringLikeRegexp('TaskExecutionRole') }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'], Resource: 'arn:aws:ecr:eu-west-1:123456789012:repository/web' }),
          Match.objectLike({ Action: 'ecr:GetAuthorizationToken', Resource: '*' }),
          Match.objectLike({ Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], Resource: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf' }),
        ]),
      },
    });
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      Roles: [{ Ref: Match.stringLikeRegexp('TaskTaskRole') }],
      PolicyDocument: {
        Statement: [Match.objectLike({
          Action: ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'],
          Condition: { StringEquals: { 'elasticfilesystem:AccessPointArn': Match.anyValue() } },
        })],
      },
    });
  });

  test('main container gets the task memory minus the sidecar; volumes and platform rendered', () => {
    const s = stack();
    fullTask(s);
    const t = Template.fromStack(s);
    t.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
    t.hasResourceProperties('AWS::ECS::TaskDefinition', {
      Cpu: '512',
      Memory: '1024',
      RuntimePlatform: { CpuArchitecture: 'ARM64', OperatingSystemFamily: 'LINUX' },
      ContainerDefinitions: [
        Match.objectLike({
          Name: 'app',
          // 1024 - proxy 256 - scratch-init 16
          Memory: 752,
          DependsOn: [{ ContainerName: 'scratch-init', Condition: 'SUCCESS' }],
          ReadonlyRootFilesystem: true,
          Secrets: [{ Name: 'DB_PASSWORD', ValueFrom: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf:password::' }],
          MountPoints: [
            { ContainerPath: '/tmp', ReadOnly: false, SourceVolume: 'scratch-app-tmp' },
            { ContainerPath: '/data', ReadOnly: false, SourceVolume: 'data' },
          ],
          HealthCheck: Match.objectLike({ Interval: 10 }),
        }),
        Match.objectLike({ Name: 'scratch-init', Essential: false, User: '0', Memory: 16, MountPoints: [{ ContainerPath: '/ecs-kit-scratch/1', ReadOnly: false, SourceVolume: 'scratch-app-tmp' }] }),
        Match.objectLike({ Name: 'proxy', Memory: 256, ReadonlyRootFilesystem: true, User: '1000' }),
      ],
      Volumes: [
        { Name: 'scratch-app-tmp' },
        {
          Name: 'data',
          EFSVolumeConfiguration: {
            FilesystemId: { Ref: Match.stringLikeRegexp('Fs') },
            TransitEncryption: 'ENABLED',
            AuthorizationConfig: { IAM: 'ENABLED', AccessPointId: { Ref: Match.stringLikeRegexp('FsAp') } },
          },
        },
      ],
    });
  });

  test('connectVolumes opens NFS from the service to the mount targets', () => {
    const s = stack();
    const { task, vpc } = fullTask(s);
    const sg = new ec2.SecurityGroup(s, 'ServiceSg', { vpc });
    task.connectVolumes(sg);
    Template.fromStack(s).hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      IpProtocol: 'tcp', FromPort: 2049, ToPort: 2049, SourceSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('ServiceSg'), 'GroupId'] },
    });
    expect(task.efsFileSystems).toHaveLength(1);
  });

  // On the first deploy, tasks that start before the mount targets exist cannot mount the volume.
  test('a kit service running the task waits for the EFS mount targets', () => {
    const s = stack();
    const { task, vpc } = fullTask(s);
    new WorkerService(s, 'Worker', { cluster: new ecs.Cluster(s, 'Cluster', { vpc }), task });
    const t = Template.fromStack(s);
    const targets = Object.keys(t.findResources('AWS::EFS::MountTarget'));
    expect(targets.length).toBeGreaterThan(0);
    t.hasResource('AWS::ECS::Service', { DependsOn: Match.arrayWith(targets) });
  });

  // A shared file system in a network stack, the task and its service in another: references run one way only.
  test('a file system in another stack: the NFS rules live in the service\'s stack, and synth has no cycle', () => {
    const app = new App();
    const net = new Stack(app, 'Net');
    const vpc = new ec2.Vpc(net, 'Vpc', { maxAzs: 2, natGateways: 0 });
    const fileSystem = new efs.FileSystem(net, 'Fs', { vpc, encrypted: true });
    const svc = new Stack(app, 'Svc');
    const task = new FargateTask(svc, 'Task', { container: { image: IMAGE } });
    task.addEfsVolume('data', { fileSystem, containerPath: '/data' });
    new WorkerService(svc, 'Worker', { cluster: new ecs.Cluster(svc, 'Cluster', { vpc }), task });
    expect(() => app.synth()).not.toThrow();
    expect(Template.fromStack(net).findResources('AWS::EC2::SecurityGroupIngress')).toEqual({});
    Template.fromStack(svc).hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      FromPort: 2049, ToPort: 2049, GroupId: { 'Fn::ImportValue': Match.stringLikeRegexp('Fs') },
    });
    expect(net.dependencies).toEqual([]);
    // ECS-RC-13 reads the rule across stacks: the mount targets admit the tasks.
    expect(EcsChecks.check(app).findings.filter((f) => f.ruleId === 'ECS-RC-13')).toEqual([]);
  });

  // The task group allows all outbound: the egress rule allowTo writes would only draw aws-cdk-lib's warning.
  test('opening NFS draws no aws-cdk-lib egress warning on a group that allows all outbound; a group added later still gets its rule', () => {
    const s = stack();
    const { task, vpc } = fullTask(s);
    new WorkerService(s, 'Worker', { cluster: new ecs.Cluster(s, 'Cluster', { vpc }), task });
    Annotations.fromStack(s).hasNoWarning('*', Match.stringLikeRegexp('Ignoring Egress rule'));
    Template.fromStack(s).hasResourceProperties('AWS::EC2::SecurityGroupIngress', { FromPort: 2049, ToPort: 2049 });
    // A group the app adds to the service later also reaches the file system (allowTo follows the group list).
    const later = stack();
    const laterParts = fullTask(later);
    const svc = new WorkerService(later, 'Worker', { cluster: new ecs.Cluster(later, 'Cluster', { vpc: laterParts.vpc }), task: laterParts.task });
    svc.service.connections.addSecurityGroup(ec2.SecurityGroup.fromSecurityGroupId(later, 'Extra', 'sg-0123456789abcdef0'));
    Template.fromStack(later).hasResourceProperties('AWS::EC2::SecurityGroupIngress', { FromPort: 2049, SourceSecurityGroupId: 'sg-0123456789abcdef0' });
    // A group without all outbound still gets the egress to the mount targets.
    const closed = stack();
    const parts = fullTask(closed);
    const securityGroup = new ec2.SecurityGroup(closed, 'Closed', { vpc: parts.vpc, allowAllOutbound: false });
    new WorkerService(closed, 'Worker', { cluster: new ecs.Cluster(closed, 'Cluster', { vpc: parts.vpc }), task: parts.task, securityGroup });
    Template.fromStack(closed).hasResourceProperties('AWS::EC2::SecurityGroupEgress', { FromPort: 2049, ToPort: 2049 });
  });

  test('the ECR token statement is acknowledged precisely on the execution policy, only while it is the one statement on "*"', () => {
    const acks = (extra?: iam.PolicyStatement) => {
      const s = stack();
      const { task } = fullTask(s);
      if (extra) task.executionRole.addToPrincipalPolicy(extra);
      // Acknowledged when the stack renders: what the policy holds then decides.
      Template.fromStack(s);
      const policy = s.node.findAll().find((c) => c.node.path === 'Test/Task/ExecutionRole/Policy')!;
      return JSON.stringify(policy.node.metadata.filter((m) => m.type === 'aws:cdk:acknowledged-rules' || JSON.stringify(m.data).includes('IAM5')));
    };
    expect(acks()).toContain('AwsSolutions-IAM5[Resource::*]');
    expect(acks()).toContain('GetAuthorizationToken');
    // The app's own statement on "*" in the same policy keeps its finding (found by a compliance trial).
    expect(acks(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] }))).not.toContain('AwsSolutions-IAM5[Resource::*]');
    expect(acks(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::b/*'] }))).toContain('AwsSolutions-IAM5[Resource::*]');
  });

  test('snapshot', () => {
    const s = stack();
    fullTask(s);
    expect(Template.fromStack(s).toJSON()).toMatchSnapshot();
  });
  // A container added with aws-cdk-lib's own API (taskDefinition.addContainer, addFirelensLogRouter) takes task memory
  // too: the main container's default must leave room for it, or the containers exceed the task (ECS-TD-18).
  test('containers added to taskDefinition directly are subtracted from the main container\'s default memory', () => {
    const s = stack();
    const task = new FargateTask(s, 'Task', { size: FargateSize.of(512, 1024), container: { image: IMAGE } });
    task.taskDefinition.addContainer('xray', { image: IMAGE, memoryLimitMiB: 256 });
    task.taskDefinition.addFirelensLogRouter('router', {
      image: IMAGE,
      memoryReservationMiB: 64,
      memoryLimitMiB: 128,
      firelensConfig: { type: ecs.FirelensLogRouterType.FLUENTBIT },
    });
    const [taskDefinition] = Object.values(Template.fromStack(s).findResources('AWS::ECS::TaskDefinition'));
    const containers = taskDefinition.Properties.ContainerDefinitions as { Name: string; Memory?: number }[];
    // 1024 - xray 256 - router's reservation 64
    expect(containers.find((c) => c.Name === 'app')?.Memory).toBe(704);
  });

});

describe('FargateTask options', () => {
  test('logs encrypted with a KMS key whose policy admits CloudWatch Logs', () => {
    const s = stack();
    const key = new kms.Key(s, 'Key', { enableKeyRotation: true });
    new FargateTask(s, 'Task', { container: { image: IMAGE }, logEncryptionKey: key });
    const t = Template.fromStack(s);
    t.hasResourceProperties('AWS::Logs::LogGroup', { KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('Key'), 'Arn'] } });
    t.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: { 'Fn::Join': ['', ['logs.', { Ref: 'AWS::Region' }, '.amazonaws.com']] } } })]) },
    });
  });

  test('enableExecCompatibility makes every root filesystem writable', () => {
    const s = stack();
    const task = new FargateTask(s, 'Task', { container: { image: IMAGE } });
    task.addContainer('side', { image: IMAGE });
    task.enableExecCompatibility();
    task.addContainer('late', { image: IMAGE });
    const td = Object.values(Template.fromStack(s).findResources('AWS::ECS::TaskDefinition'))[0] as any;
    expect(td.Properties.ContainerDefinitions.map((c: any) => c.ReadonlyRootFilesystem)).toEqual([false, false, false]);
  });

  test('Windows size: Windows Server 2022 core, no read-only root, no user', () => {
    const s = stack();
    new FargateTask(s, 'Task', { size: FargateSize.windows(1024, 2048), container: { image: IMAGE } });
    Template.fromStack(s).hasResourceProperties('AWS::ECS::TaskDefinition', {
      RuntimePlatform: { OperatingSystemFamily: 'WINDOWS_SERVER_2022_CORE', CpuArchitecture: 'X86_64' },
      ContainerDefinitions: [Match.objectLike({ ReadonlyRootFilesystem: Match.absent(), User: Match.absent(), Memory: 2048 })],
    });
  });

  test('grantRunTask: RunTask on this task definition and PassRole for ecs-tasks, in a managed policy', () => {
    const s = stack();
    const task = new FargateTask(s, 'Task', { container: { image: IMAGE } });
    const runner = new iam.Role(s, 'Runner', { assumedBy: new iam.ServicePrincipal('states.amazonaws.com') });
    task.grantRunTask(runner);
    Template.fromStack(s).hasResourceProperties('AWS::IAM::ManagedPolicy', {
      Roles: [{ Ref: Match.stringLikeRegexp('Runner') }],
      PolicyDocument: {
        Statement: [
          { Action: 'ecs:RunTask', Effect: 'Allow', Resource: { Ref: Match.stringLikeRegexp('TaskTaskDefinition') } },
          {
            Action: 'iam:PassRole',
            Effect: 'Allow',
            Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
            Resource: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('TaskExecutionRole'), 'Arn'] }, { 'Fn::GetAtt': [Match.stringLikeRegexp('TaskTaskRole'), 'Arn'] }],
          },
        ],
      },
    });
  });

  test('a secret-looking literal environment variable is a warning with the fix', () => {
    const s = stack();
    new FargateTask(s, 'Task', { container: { image: IMAGE, environment: { API_TOKEN: 'abc', LOG_LEVEL: 'info' } } });
    const warnings = Annotations.fromStack(s).findWarning('/Test/Task', Match.stringLikeRegexp('ECS-CT-23'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0].entry.data).toMatch(/API_TOKEN/);
    expect(warnings[0].entry.data).toMatch(/secrets/i);
    void CoreAnnotations;
  });
});

describe('FargateTask ephemeralStorageGiB', () => {
  test('20, the documented default, is left out of the template; 21-200 is set', () => {
    const s = stack();
    new FargateTask(s, 'Small', { container: { image: IMAGE }, ephemeralStorageGiB: 20 });
    new FargateTask(s, 'Big', { container: { image: IMAGE }, ephemeralStorageGiB: 100 });
    const tasks = Object.entries(Template.fromStack(s).findResources('AWS::ECS::TaskDefinition'));
    expect(tasks.map(([id, r]) => [id.replace(/TaskDefinition.*/, ''), r.Properties.EphemeralStorage]).sort())
      .toEqual([['Big', { SizeInGiB: 100 }], ['Small', undefined]]);
  });

  test('a size Fargate does not have fails with ECS-TD-06, naming the allowed sizes and the default', () => {
    for (const bad of [10, 201, 30.5]) {
      expect(() => new FargateTask(stack(), 'Task', { container: { image: IMAGE }, ephemeralStorageGiB: bad }))
        .toThrow(new RegExp(`\\[ECS-TD-06\\] ephemeralStorageGiB ${bad} is not a Fargate ephemeral storage size at .*/Task; allowed: whole GiB from 21 to 200, or 20 \\(the default\\)\\. Use 21-200 GiB`));
    }
  });
});

describe('FargateTask environment files', () => {
  test('the execution role may read each file and locate its bucket (ECS downloads them with it; aws-cdk-lib grants neither)', () => {
    const s = stack();
    const bucket = new s3.Bucket(s, 'Config');
    new FargateTask(s, 'Task', {
      container: { image: IMAGE, environmentFiles: [ecs.EnvironmentFile.fromBucket(bucket, 'worker.env'), ecs.EnvironmentFile.fromBucket(bucket, 'shared.env')] },
    });
    const objectArn = (key: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::', { Ref: Match.stringLikeRegexp('^Config') }, `/${key}`]] });
    Template.fromStack(s).hasResourceProperties('AWS::IAM::ManagedPolicy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^TaskExecutionRole') }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: 's3:GetObject', Resource: [objectArn('worker.env'), objectArn('shared.env')] }),
          Match.objectLike({ Action: 's3:GetBucketLocation', Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::', { Ref: Match.stringLikeRegexp('^Config') }]] } }),
        ]),
      },
    });
    // ECS-RC-03 then finds the bucket reachable: synth with the checks passes.
    const app = s.node.root as App;
    Validations.of(app).addPlugins(new EcsChecks());
    expect(() => app.synth()).not.toThrow();
  });
});

describe('FargateTask image named by its private ECR URI', () => {
  test('the execution role may pull it and log in to the registry (aws-cdk-lib only warns)', () => {
    const s = stack();
    new FargateTask(s, 'Task', { container: { image: ecs.ContainerImage.fromRegistry('111111111111.dkr.ecr.eu-west-1.amazonaws.com/orders/worker:1.4.2') } });
    Template.fromStack(s).hasResourceProperties('AWS::IAM::ManagedPolicy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^TaskExecutionRole') }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'], Resource: 'arn:aws:ecr:eu-west-1:111111111111:repository/orders/worker' }),
          Match.objectLike({ Action: 'ecr:GetAuthorizationToken', Resource: '*' }),
        ]),
      },
    });
    // aws-cdk-lib's "Proper policies need to be attached" warning is answered, so it is not shown.
    expect(Annotations.fromStack(s).findWarning('*', Match.stringLikeRegexp('ecrImageRequiresPolicy'))).toEqual([]);
    const app = s.node.root as App;
    Validations.of(app).addPlugins(new EcsChecks());
    expect(() => app.synth()).not.toThrow();
  });

  test.each([
    ['by ARN', (scope: Stack) => ecr.Repository.fromRepositoryArn(scope, 'Shared', 'arn:aws:ecr:us-east-1:666666666666:repository/shared/base'),
      'arn:aws:ecr:us-east-1:666666666666:repository/shared/base'],
    // In an env-agnostic stack the URI comes from AWS::AccountId and AWS::Region: the grant is in the stack's own account.
    ['by name in an env-agnostic stack', (scope: Stack) => ecr.Repository.fromRepositoryName(scope, 'Shared', 'shared/base'),
      { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ecr:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':repository/shared/base']] }],
  ])('a repository imported %s, named by its URI (fromRegistry(repository.repositoryUriForTag(tag))), gets the same grant', (_, imported, arn) => {
    const s = stack();
    const repo = imported(s);
    new FargateTask(s, 'Task', { container: { image: ecs.ContainerImage.fromRegistry(repo.repositoryUriForTag('v1')) } });
    Template.fromStack(s).hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'], Resource: arn }),
          Match.objectLike({ Action: 'ecr:GetAuthorizationToken', Resource: '*' }),
        ]),
      },
    });
  });

  test('an image of another registry gets no ECR grant', () => {
    const s = stack();
    new FargateTask(s, 'Task', { container: { image: IMAGE } });
    const policies = Template.fromStack(s).findResources('AWS::IAM::ManagedPolicy');
    expect(JSON.stringify(policies)).not.toContain('ecr:');
  });
});
