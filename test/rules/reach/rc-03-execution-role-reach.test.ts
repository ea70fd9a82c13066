/** ECS-RC-03: the execution role can read the task's secrets, pull its ECR images and write its log group. */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { runRules } from '../../../src/rules/engine';
import { AssemblyModel } from '../../../src/rules/model';
import { RC03_EXECUTION_ROLE_REACH } from '../../../src/rules/reach/rc-03-execution-role-reach';
import { assemblyOfStacks, check, checkAssembly, fargateTask, Resources } from '../helpers';

const TRUST = { Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
const statement = (action: string | string[], resource: unknown) => ({ Effect: 'Allow', Action: action, Resource: resource });

function template(statements: unknown[], extra: Resources = {}, roleProps: Record<string, unknown> = {}): Resources {
  return {
    Secret: { Type: 'AWS::SecretsManager::Secret', Properties: {} },
    Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: TRUST, ...roleProps } },
    Policy: { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'p', Roles: [{ Ref: 'Role' }], PolicyDocument: { Statement: statements } } },
    Task: fargateTask({
      ExecutionRoleArn: { 'Fn::GetAtt': ['Role', 'Arn'] },
      ContainerDefinitions: [{ Name: 'app', Image: 'nginx:1.27', Secrets: [{ Name: 'DB', ValueFrom: { Ref: 'Secret' } }] }],
    }),
    ...extra,
  };
}
const messages = (r: Resources) => check(RC03_EXECUTION_ROLE_REACH, r).map((f) => f.message);

describe('ECS-RC-03 execution role reach (L1)', () => {
  test('bad: the role\'s policy reads another secret', () => {
    const r = template([statement('secretsmanager:GetSecretValue', { Ref: 'Other' })], { Other: { Type: 'AWS::SecretsManager::Secret', Properties: {} } });
    expect(messages(r)).toEqual([
      '[ECS-RC-03] execution role TestStack/Role is not allowed secretsmanager:GetSecretValue on secret TestStack/Secret at TestStack/Task; '
      + 'allowed: an execution role whose policies allow reading every secret and environment file, pulling every ECR image and writing the awslogs group of the task. '
      + 'Grant the missing actions to the execution role (secret.grantRead, repository.grantPull, logGroup.grantWrite, and for an environment file '
      + 's3:GetObject on the file and s3:GetBucketLocation on its bucket, on taskDefinition.obtainExecutionRole()); kit tasks grant environment files. '
      + 'In a template, allow them in a policy of the execution role (an AWS::IAM::Policy whose Roles name it), on those resources.',
    ]);
  });

  test('bad: AmazonECSTaskExecutionRolePolicy alone does not read secrets; a JSON-key reference still names the secret', () => {
    const r = template([], {}, { ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy']] }] });
    (r.Task.Properties as any).ContainerDefinitions[0].Secrets[0].ValueFrom = { 'Fn::Join': ['', [{ Ref: 'Secret' }, ':password::']] };
    expect(messages(r)[0]).toContain('is not allowed secretsmanager:GetSecretValue on secret TestStack/Secret');
  });

  test('bad: an ECR repository of the app without pull permissions', () => {
    const r = template([statement('secretsmanager:GetSecretValue', { Ref: 'Secret' })], { Repo: { Type: 'AWS::ECR::Repository', Properties: {} } });
    (r.Task.Properties as any).ContainerDefinitions[0].Image = { 'Fn::Join': ['', [{ 'Fn::Select': [4, { 'Fn::Split': [':', { 'Fn::GetAtt': ['Repo', 'Arn'] }] }] }, '.dkr.ecr.', { Ref: 'AWS::Region' }, '.amazonaws.com/', { Ref: 'Repo' }, ':1']] };
    expect(messages(r)[0]).toContain('is not allowed ecr:BatchGetImage, ecr:GetDownloadUrlForLayer on repository TestStack/Repo or ecr:GetAuthorizationToken on any resource (ECR login)');
  });

  test('bad: the private registry credentials secret (RepositoryCredentials) the role cannot read; good with a grant', () => {
    const r = template([statement('secretsmanager:GetSecretValue', { Ref: 'Secret' })], { Creds: { Type: 'AWS::SecretsManager::Secret', Properties: {} } });
    (r.Task.Properties as any).ContainerDefinitions[0].Image = 'registry.example.com/team/app:1.0';
    (r.Task.Properties as any).ContainerDefinitions[0].RepositoryCredentials = { CredentialsParameter: { Ref: 'Creds' } };
    expect(messages(r)).toEqual([expect.stringContaining('is not allowed secretsmanager:GetSecretValue on registry credentials secret TestStack/Creds at TestStack/Task')]);
    (r.Policy.Properties as any).PolicyDocument.Statement.push(statement(['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], { Ref: 'Creds' }));
    expect(messages(r)).toEqual([]);
  });

  test('bad: a log driver secret (LogConfiguration SecretOptions) the role cannot read; good with a grant', () => {
    const r = template([statement('secretsmanager:GetSecretValue', { Ref: 'Secret' })], { Token: { Type: 'AWS::SecretsManager::Secret', Properties: {} } });
    (r.Task.Properties as any).ContainerDefinitions[0].LogConfiguration = {
      LogDriver: 'splunk', Options: { 'splunk-url': 'https://splunk.example.com:8088' }, SecretOptions: [{ Name: 'splunk-token', ValueFrom: { Ref: 'Token' } }],
    };
    expect(messages(r)).toEqual([expect.stringContaining('is not allowed secretsmanager:GetSecretValue on secret TestStack/Token at TestStack/Task')]);
    (r.Policy.Properties as any).PolicyDocument.Statement.push(statement('secretsmanager:GetSecretValue', { Ref: 'Token' }));
    expect(messages(r)).toEqual([]);
  });

  test('bad: each secret is judged, not only the first', () => {
    const r = template([statement('secretsmanager:GetSecretValue', { Ref: 'Secret' })], { Second: { Type: 'AWS::SecretsManager::Secret', Properties: {} } });
    (r.Task.Properties as any).ContainerDefinitions[0].Secrets.push({ Name: 'API', ValueFrom: { Ref: 'Second' } });
    expect(messages(r)).toEqual([expect.stringContaining('is not allowed secretsmanager:GetSecretValue on secret TestStack/Second at TestStack/Task')]);
  });

  describe('an image named by its private ECR URI (ContainerImage.fromRegistry)', () => {
    const withUri = (statements: unknown[], roleProps: Record<string, unknown> = {}, extra: Resources = {}) => {
      const r = template([statement('secretsmanager:GetSecretValue', { Ref: 'Secret' }), ...statements], extra, roleProps);
      (r.Task.Properties as any).ContainerDefinitions[0].Image = '111111111111.dkr.ecr.eu-west-1.amazonaws.com/orders/worker:1.4.2';
      return r;
    };

    test('bad: the role may neither pull from the repository nor log in to the registry', () => {
      expect(messages(withUri([]))).toEqual([expect.stringContaining('execution role TestStack/Role is not allowed ecr:BatchGetImage, ecr:GetDownloadUrlForLayer '
        + 'on ECR repository orders/worker of account 111111111111 or ecr:GetAuthorizationToken on any resource (ECR login) at TestStack/Task')]);
      // A repository policy of another account cannot stand in for the login: it is always the role's own.
      expect(messages(withUri([statement(['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'], 'arn:aws:ecr:eu-west-1:111111111111:repository/orders/worker')])))
        .toEqual([expect.stringContaining('is not allowed ecr:GetAuthorizationToken on any resource (ECR login)')]);
    });

    test('good: AmazonECSTaskExecutionRolePolicy, or the kit\'s grant; an in-app repository of that name with a repository policy is not judged', () => {
      const managed = { ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy']] }] };
      expect(messages(withUri([], managed))).toEqual([]);
      expect(messages(withUri([
        statement(['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'], 'arn:aws:ecr:eu-west-1:111111111111:repository/orders/worker'),
        statement('ecr:GetAuthorizationToken', '*'),
      ]))).toEqual([]);
      const policied = { Repo: { Type: 'AWS::ECR::Repository', Properties: { RepositoryName: 'orders/worker', RepositoryPolicyText: { Statement: [] } } } };
      expect(messages(withUri([statement('ecr:GetAuthorizationToken', '*')], {}, policied))).toEqual([]);
    });
  });

  describe('environment files', () => {
    const envFile = { Type: 's3', Value: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::', { Ref: 'Bucket' }, '/worker.env']] } };
    const withEnvFile = (statements: unknown[], extra: Resources = {}) => {
      const r = template([statement('secretsmanager:GetSecretValue', { Ref: 'Secret' }), ...statements], { Bucket: { Type: 'AWS::S3::Bucket', Properties: {} }, ...extra });
      (r.Task.Properties as any).ContainerDefinitions[0].EnvironmentFiles = [envFile];
      return r;
    };

    test('bad: a bucket of the app the execution role cannot read', () => {
      expect(messages(withEnvFile([]))).toEqual([expect.stringContaining(
        'execution role TestStack/Role is not allowed s3:GetObject, s3:GetBucketLocation on environment file bucket TestStack/Bucket at TestStack/Task')]);
      // GetObject alone is not enough: ECS asks for the bucket's location too.
      const objectOnly = statement('s3:GetObject', { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['Bucket', 'Arn'] }, '/*']] });
      expect(messages(withEnvFile([objectOnly]))).toEqual([expect.stringContaining('is not allowed s3:GetBucketLocation on environment file bucket')]);
    });

    test('good: both grants; or a bucket policy that allows access; a bucket outside the app (a CDK asset) is not judged', () => {
      const grants = [
        statement('s3:GetObject', { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::', { Ref: 'Bucket' }, '/worker.env']] }),
        statement('s3:GetBucketLocation', { 'Fn::GetAtt': ['Bucket', 'Arn'] }),
      ];
      expect(messages(withEnvFile(grants))).toEqual([]);
      const allowPolicy = { Bp: { Type: 'AWS::S3::BucketPolicy', Properties: { Bucket: { Ref: 'Bucket' }, PolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:GetObject', Resource: '*' }] } } } };
      expect(messages(withEnvFile([], allowPolicy))).toEqual([]);
      const denyOnly = { Bp: { Type: 'AWS::S3::BucketPolicy', Properties: { Bucket: { Ref: 'Bucket' }, PolicyDocument: { Statement: [{ Effect: 'Deny', Principal: { AWS: '*' }, Action: 's3:*', Resource: '*' }] } } } };
      expect(messages(withEnvFile([], denyOnly))).toHaveLength(1);
      const asset = template([statement('secretsmanager:GetSecretValue', { Ref: 'Secret' })]);
      (asset.Task.Properties as any).ContainerDefinitions[0].EnvironmentFiles = [{ Type: 's3', Value: { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}/abc.env' } }];
      expect(messages(asset)).toEqual([]);
    });
  });

  test('good: a grant on the secret (aws-cdk-lib grantRead), a wildcard, or AmazonECSTaskExecutionRolePolicy for images and logs', () => {
    expect(messages(template([statement(['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], { Ref: 'Secret' })]))).toEqual([]);
    expect(messages(template([statement('secretsmanager:*', 'arn:aws:secretsmanager:*:*:secret:*')]))).toEqual([]);
    expect(messages(template([statement('*', '*')]))).toEqual([]);
  });

  describe('wildcard ARNs are matched against the names of the app\'s parameters, secrets and repositories (found by a user trial)', () => {
    const named = (statements: unknown[]) => {
      const r = template(statements, { Param: { Type: 'AWS::SSM::Parameter', Properties: { Name: '/app/a', Type: 'String', Value: 'x' } } });
      (r.Secret.Properties as any).Name = 'prod/app/db';
      (r.Task.Properties as any).ContainerDefinitions[0].Secrets.push({ Name: 'P', ValueFrom: { Ref: 'Param' } });
      return r;
    };
    const ssm = (resource: unknown) => statement('ssm:GetParameters', resource);
    const sm = (resource: unknown) => statement('secretsmanager:GetSecretValue', resource);

    test('bad: patterns for other paths, literal or built with Fn::Sub', () => {
      expect(messages(named([ssm('arn:aws:ssm:*:*:parameter/other/*'), sm('arn:aws:secretsmanager:*:*:secret:staging/*')]))[0])
        .toContain('is not allowed secretsmanager:GetSecretValue on secret TestStack/Secret or ssm:GetParameters on parameter TestStack/Param at');
      const sub = (arn: string) => ({ 'Fn::Sub': arn });
      expect(messages(named([ssm(sub('arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/other/*')),
        sm(sub('arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:prod/app/db-??????'))]))[0])
        .toContain('is not allowed ssm:GetParameters on parameter TestStack/Param at');
      // Another service's ARN with the same path.
      expect(messages(named([ssm('arn:aws:ssmx:*:*:parameter/app/*'), sm({ Ref: 'Secret' })]))[0]).toContain('ssm:GetParameters on parameter');
    });

    test('good: patterns that name them, with the Region, account and secret suffix unknown', () => {
      for (const [p, s] of [
        ['arn:aws:ssm:*:*:parameter/app/*', 'arn:aws:secretsmanager:*:*:secret:prod/app/db-??????'],
        ['arn:aws:ssm:eu-west-1:111111111111:parameter/app/a', 'arn:aws:secretsmanager:*:*:secret:prod/*'],
        ['arn:aws:ssm:*:*:parameter/*', 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:prod/app/db-*'],
        ['arn:*:ssm:*:*:*', 'arn:aws:secretsmanager:*:*:secret:prod/app/db*'],
      ]) {
        expect(messages(named([ssm(p), sm(s)]))).toEqual([]);
      }
      expect(messages(named([ssm({ 'Fn::Sub': 'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/app/a' }),
        sm({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':secretsmanager:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':secret:prod/app/*']] })]))).toEqual([]);
      // A parameter the template does not decide may be any ARN.
      expect(messages(named([ssm({ Ref: 'ArnParam' }), sm({ 'Fn::Sub': '${SecretArnParam}' })]))).toEqual([]);
    });
  });

  test('good: an app managed policy named in the role\'s ManagedPolicyArns (role.addManagedPolicy) is read; bad when it grants too little', () => {
    const managed = (actions: string[]) => ({
      Managed: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: { Statement: [statement(actions, '*')] } } },
    });
    expect(messages(template([], managed(['secretsmanager:GetSecretValue']), { ManagedPolicyArns: [{ Ref: 'Managed' }] }))).toEqual([]);
    expect(messages(template([], managed(['s3:GetObject']), { ManagedPolicyArns: [{ Ref: 'Managed' }] }))[0])
      .toContain('is not allowed secretsmanager:GetSecretValue on secret TestStack/Secret');
    // Named both ways (ManagedPolicyArns and its own Roles): read once, same verdict.
    const both = managed(['secretsmanager:GetSecretValue']);
    (both.Managed.Properties as any).Roles = [{ Ref: 'Role' }];
    expect(messages(template([], both, { ManagedPolicyArns: [{ Ref: 'Managed' }] }))).toEqual([]);
  });

  test('good: a resource policy on the secret can grant it, so the rule is silent', () => {
    const extra = { Rp: { Type: 'AWS::SecretsManager::ResourcePolicy', Properties: { SecretId: { Ref: 'Secret' }, ResourcePolicy: {} } } };
    expect(messages(template([], extra))).toEqual([]);
  });

  test('unresolved: an unknown managed policy, a policy attached to an unresolved role, a role outside the app', () => {
    expect(messages(template([], {}, { ManagedPolicyArns: ['arn:aws:iam::111111111111:policy/team-secrets'] }))).toEqual([]);
    expect(messages(template([], { P2: { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'q', Roles: [{ Ref: 'RoleNameParam' }], PolicyDocument: { Statement: [] } } } }))).toEqual([]);
    const r = template([]);
    (r.Task.Properties as any).ExecutionRoleArn = 'arn:aws:iam::111111111111:role/exec';
    expect(messages(r)).toEqual([]);
  });

  test('unresolved: a statement whose Effect, Action or Resource is a parameter or token may grant (found by fuzzing)', () => {
    expect(messages(template([{ Effect: { Ref: 'EffectParam' }, Action: 'secretsmanager:GetSecretValue', Resource: { Ref: 'Secret' } }]))).toEqual([]);
    expect(messages(template([statement('${Token[TOKEN.12]}', { Ref: 'Secret' })]))).toEqual([]);
    expect(messages(template([statement('secretsmanager:GetSecretValue', '${Token[TOKEN.13]}')]))).toEqual([]);
  });

  test('cross-stack: a secret in another stack with a matching policy (good), and without one (bad)', () => {
    const stacks = (grant: boolean) => {
      const { Secret, ...app } = template(grant ? [statement('secretsmanager:GetSecretValue', { 'Fn::ImportValue': 'shared-secret' })] : []);
      const json = JSON.parse(JSON.stringify(app).replace('{"Ref":"Secret"}', '{"Fn::ImportValue":"shared-secret"}'));
      return assemblyOfStacks([
        { name: 'Shared', template: { Resources: { Secret }, Outputs: { S: { Value: { Ref: 'Secret' }, Export: { Name: 'shared-secret' } } } } },
        { name: 'App', template: { Resources: json } },
      ]);
    };
    expect(checkAssembly(RC03_EXECUTION_ROLE_REACH, stacks(true))).toEqual([]);
    expect(checkAssembly(RC03_EXECUTION_ROLE_REACH, stacks(false)).map((f) => f.message)[0]).toContain('is not allowed secretsmanager:GetSecretValue on secret Shared/Secret');
  });
});

describe('ECS-RC-03 on aws-cdk-lib L2 templates', () => {
  function l2(escapeHatch: boolean): string[] {
    const stack = new Stack(new App(), 'L2');
    const secret = new secretsmanager.Secret(stack, 'Secret');
    const td = new ecs.FargateTaskDefinition(stack, 'Td');
    const image = ecs.ContainerImage.fromRegistry('nginx:1.27');
    if (escapeHatch) {
      // A secret set through an escape hatch gets no grant.
      td.addContainer('app', { image, logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'app' }) });
      (td.node.defaultChild as ecs.CfnTaskDefinition).addPropertyOverride('ContainerDefinitions.0.Secrets', [{ Name: 'DB', ValueFrom: secret.secretArn }]);
    } else {
      td.addContainer('app', { image, logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'app' }), secrets: { DB: ecs.Secret.fromSecretsManager(secret) } });
    }
    const model = new AssemblyModel([{ name: 'L2', template: Template.fromStack(stack).toJSON() }]);
    return runRules(model, { rules: [RC03_EXECUTION_ROLE_REACH] }).map((f) => f.message);
  }

  test('good: ecs.Secret.fromSecretsManager and awsLogs grant what the task needs', () => {
    expect(l2(false)).toEqual([]);
  });

  test.each([
    ['by ARN', (scope: Stack) => ecr.Repository.fromRepositoryArn(scope, 'Shared', 'arn:aws:ecr:us-east-1:666666666666:repository/shared/base'), 'account 666666666666'],
    ['by name in an env-agnostic stack', (scope: Stack) => ecr.Repository.fromRepositoryName(scope, 'Shared', 'shared/base'), 'the stack\'s account'],
  ])('a repository imported %s: bad with fromRegistry(repositoryUriForTag) on a plain task definition (no grant), good with fromEcrRepository', (_, imported, account) => {
    const stack = new Stack(new App(), 'L2');
    const repo = imported(stack);
    const logging = ecs.LogDrivers.awsLogs({ streamPrefix: 'app' });
    new ecs.FargateTaskDefinition(stack, 'ByUri').addContainer('app', { image: ecs.ContainerImage.fromRegistry(repo.repositoryUriForTag('v1')), logging });
    new ecs.FargateTaskDefinition(stack, 'ByRepo').addContainer('app', { image: ecs.ContainerImage.fromEcrRepository(repo, 'v1'), logging });
    const model = new AssemblyModel([{ name: 'L2', template: Template.fromStack(stack).toJSON() }]);
    const found = runRules(model, { rules: [RC03_EXECUTION_ROLE_REACH] });
    expect(found.map((f) => f.path)).toEqual([expect.stringMatching(/^L2\/ByUri/)]);
    expect(found[0].message).toContain(`is not allowed ecr:BatchGetImage, ecr:GetDownloadUrlForLayer on ECR repository shared/base of ${account} `
      + 'or ecr:GetAuthorizationToken on any resource (ECR login)');
  });

  test('good: ContainerImage.fromRegistry with credentials grants the read; bad when the credentials are set through an escape hatch', () => {
    const stack = new Stack(new App(), 'L2');
    const creds = new secretsmanager.Secret(stack, 'Creds');
    const granted = new ecs.FargateTaskDefinition(stack, 'Granted');
    granted.addContainer('app', { image: ecs.ContainerImage.fromRegistry('registry.example.com/team/app:1.0', { credentials: creds }) });
    const hatch = new ecs.FargateTaskDefinition(stack, 'Hatch');
    hatch.addContainer('app', { image: ecs.ContainerImage.fromRegistry('registry.example.com/team/app:1.0'), logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'app' }) });
    (hatch.node.defaultChild as ecs.CfnTaskDefinition).addPropertyOverride('ContainerDefinitions.0.RepositoryCredentials', { CredentialsParameter: creds.secretArn });
    const model = new AssemblyModel([{ name: 'L2', template: Template.fromStack(stack).toJSON() }]);
    const found = runRules(model, { rules: [RC03_EXECUTION_ROLE_REACH] }).map((f) => f.message);
    expect(found).toEqual([expect.stringMatching(/is not allowed secretsmanager:GetSecretValue on registry credentials secret L2\/Creds\w+ at L2\/Hatch/)]);
  });

  test('good: LogDrivers.splunk with a secretToken grants the execution role its read', () => {
    const stack = new Stack(new App(), 'L2');
    const token = new secretsmanager.Secret(stack, 'Token');
    new ecs.FargateTaskDefinition(stack, 'Td').addContainer('app', {
      image: ecs.ContainerImage.fromRegistry('nginx:1.27'),
      logging: ecs.LogDrivers.splunk({ url: 'https://splunk.example.com:8088', secretToken: ecs.Secret.fromSecretsManager(token) }),
    });
    const synthesized = Template.fromStack(stack).toJSON();
    expect(JSON.stringify(synthesized)).toContain('SecretOptions');
    expect(runRules(new AssemblyModel([{ name: 'L2', template: synthesized }]), { rules: [RC03_EXECUTION_ROLE_REACH] })).toEqual([]);
  });

  test('bad: a secret added through an escape hatch', () => {
    expect(l2(true)[0]).toMatch(/^\[ECS-RC-03\] execution role L2\/TdExecutionRole\w+ is not allowed secretsmanager:GetSecretValue on secret L2\/Secret\w+ at L2\/Td/);
  });
});
