import { App, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { IConstruct } from 'constructs';
import { SecureRepository } from '../../src/registry';

const DIGEST = `sha256:${'ab12'.repeat(16)}`;

function stack(id = 'Stack'): Stack {
  return new Stack(new App(), id);
}

function taskRole(scope: Stack, id = 'Role'): iam.Role {
  return new iam.Role(scope, id, { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });
}

/** A policy document's size as IAM counts it, each repository ARN as deployed in the longest partition and Region. */
function deployedSize(document: unknown, name: string): number {
  return JSON.stringify(document).replace(/\{"Fn::GetAtt":\["[^"]+","Arn"\]\}/g, `"arn:aws-us-gov:ecr:ap-southeast-7:123456789012:repository/${name}"`).length;
}

function lifecycle(template: Template): { rules: any[] } {
  const repo = Object.values(template.findResources('AWS::ECR::Repository'))[0] as any;
  return JSON.parse(repo.Properties.LifecyclePolicy.LifecyclePolicyText);
}

function acknowledgements(c: IConstruct): Record<string, string> {
  return Object.assign({}, ...c.node.metadata
    .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
    .map((m) => Object.fromEntries(Object.entries(m.data as Record<string, string>).map(([k, v]) => [k.replace(/^Annotation::/, ''), v]))));
}

describe('SecureRepository defaults', () => {
  test('immutable tags, scan on push, AES256, RETAIN and the two lifecycle rules', () => {
    const s = stack();
    new SecureRepository(s, 'Repo');
    const t = Template.fromStack(s);

    t.hasResource('AWS::ECR::Repository', {
      Properties: {
        ImageTagMutability: 'IMMUTABLE',
        ImageScanningConfiguration: { ScanOnPush: true },
        // AES256 is ECR's default; aws-cdk-lib omits the block for it.
        EncryptionConfiguration: Match.absent(),
        ImageTagMutabilityExclusionFilters: Match.absent(),
      },
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
    expect(lifecycle(t).rules).toEqual([
      expect.objectContaining({ rulePriority: 1, selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countNumber: 14, countUnit: 'days' } }),
      expect.objectContaining({ rulePriority: 2, selection: { tagStatus: 'tagged', tagPatternList: ['*'], countType: 'imageCountMoreThan', countNumber: 100 } }),
    ]);
    expect(t.toJSON()).toMatchSnapshot();
  });

  test('untaggedImageExpiration and maxTaggedImages set the two rules', () => {
    const s = stack();
    new SecureRepository(s, 'Repo', { untaggedImageExpiration: Duration.days(3), maxTaggedImages: 20 });
    const rules = lifecycle(Template.fromStack(s)).rules;
    expect(rules.map((r) => r.selection.countNumber)).toEqual([3, 20]);
  });

  test('mutableTags switch to IMMUTABLE_WITH_EXCLUSION with WILDCARD filters', () => {
    const s = stack();
    new SecureRepository(s, 'Repo', { mutableTags: ['latest', 'dev-*'] });
    Template.fromStack(s).hasResourceProperties('AWS::ECR::Repository', {
      ImageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
      ImageTagMutabilityExclusionFilters: [
        { ImageTagMutabilityExclusionFilterType: 'WILDCARD', ImageTagMutabilityExclusionFilterValue: 'latest' },
        { ImageTagMutabilityExclusionFilterType: 'WILDCARD', ImageTagMutabilityExclusionFilterValue: 'dev-*' },
      ],
    });
  });

  test('KMS is opt-in: a customer key, or the AWS managed key', () => {
    const s = stack();
    const key = new kms.Key(s, 'Key', { enableKeyRotation: true });
    new SecureRepository(s, 'WithKey', { encryptionKey: key });
    new SecureRepository(s, 'Managed', { encryption: ecr.RepositoryEncryption.KMS });
    const t = Template.fromStack(s);
    t.hasResourceProperties('AWS::ECR::Repository', {
      EncryptionConfiguration: { EncryptionType: 'KMS', KmsKey: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Key'), 'Arn'] } },
    });
    t.hasResourceProperties('AWS::ECR::Repository', { EncryptionConfiguration: { EncryptionType: 'KMS', KmsKey: Match.absent() } });
  });

  test('KMS_DSSE (GovCloud (US) Regions) renders, with or without a customer key; aws-cdk-lib\'s Repository throws "Unexpected \'encryptionType\'" for it', () => {
    const s = stack();
    const key = new kms.Key(s, 'Key', { enableKeyRotation: true });
    new SecureRepository(s, 'Dsse', { encryption: ecr.RepositoryEncryption.KMS_DSSE });
    new SecureRepository(s, 'DsseKey', { encryption: ecr.RepositoryEncryption.KMS_DSSE, encryptionKey: key });
    const t = Template.fromStack(s);
    t.hasResourceProperties('AWS::ECR::Repository', { EncryptionConfiguration: { EncryptionType: 'KMS_DSSE', KmsKey: Match.absent() } });
    t.hasResourceProperties('AWS::ECR::Repository', {
      EncryptionConfiguration: { EncryptionType: 'KMS_DSSE', KmsKey: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Key'), 'Arn'] } },
    });
    expect(() => new ecr.Repository(stack(), 'Plain', { encryption: ecr.RepositoryEncryption.KMS_DSSE })).toThrow(/Unexpected 'encryptionType'/);
    // Outside GovCloud (a literal Region) it warns; env-agnostic and us-gov-* stacks do not.
    Annotations.fromStack(s).hasNoWarning('*', Match.stringLikeRegexp('dual-layer'));
    const app = new App();
    const commercial = new Stack(app, 'Commercial', { env: { account: '111111111111', region: 'us-east-1' } });
    new SecureRepository(commercial, 'Repo', { encryption: ecr.RepositoryEncryption.KMS_DSSE });
    Annotations.fromStack(commercial).hasWarning('/Commercial/Repo', Match.stringLikeRegexp('encryption KMS_DSSE in Commercial/Repo, in us-east-1: ECR offers dual-layer'));
    const gov = new Stack(app, 'Gov', { env: { account: '111111111111', region: 'us-gov-west-1' } });
    new SecureRepository(gov, 'Repo', { encryption: ecr.RepositoryEncryption.KMS_DSSE });
    Annotations.fromStack(gov).hasNoWarning('*', Match.anyValue());
  });

  test('removal policy and emptyOnDelete pass through', () => {
    const s = stack();
    new SecureRepository(s, 'Repo', { removalPolicy: RemovalPolicy.DESTROY, emptyOnDelete: true });
    Template.fromStack(s).hasResource('AWS::ECR::Repository', { Properties: { EmptyOnDelete: true }, DeletionPolicy: 'Delete' });
  });

  test('next to the defaults, a rule added without rulePriority comes first: after the keep-100-tagged rule it would never act', () => {
    const s = stack();
    const repo = new SecureRepository(s, 'Repo');
    repo.addLifecycleRule({ tagPrefixList: ['pr-'], maxImageAge: Duration.days(7) });
    repo.addLifecycleRule({ tagPatternList: ['dev-*'], maxImageCount: 3 });
    repo.addLifecycleRule({ tagStatus: ecr.TagStatus.ANY, maxImageCount: 500 });
    const rules = lifecycle(Template.fromStack(s)).rules;
    expect(rules.map((r) => [r.rulePriority, r.selection.tagStatus, r.selection.tagPrefixList ?? r.selection.tagPatternList]))
      .toEqual([[1, 'tagged', ['pr-']], [2, 'tagged', ['dev-*']], [3, 'untagged', undefined], [4, 'tagged', ['*']], [5, 'any', undefined]]);
    // With a rulePriority the user's numbering stands, as before.
    const s2 = stack();
    new SecureRepository(s2, 'Repo').addLifecycleRule({ rulePriority: 5, tagPrefixList: ['pr-'], maxImageAge: Duration.days(7) });
    expect(lifecycle(Template.fromStack(s2)).rules.map((r) => r.rulePriority)).toEqual([5, 6, 7]);
    // Without added rules the defaults keep priorities 1 and 2 (templates of existing apps do not change).
    const s3 = stack();
    new SecureRepository(s3, 'Repo');
    expect(lifecycle(Template.fromStack(s3)).rules.map((r) => r.rulePriority)).toEqual([1, 2]);
  });

  test('a rule\'s age must be whole days and its count at least 1, at construction with the path (aws-cdk-lib fails only while rendering)', () => {
    const repo = new SecureRepository(stack(), 'Repo');
    expect(() => repo.addLifecycleRule({ tagPrefixList: ['pr-'], maxImageAge: Duration.hours(36) }))
      .toThrow('[ECS-ER-08] addLifecycleRule maxImageAge 1 day 12 hours is not a whole number of days >= 1 at Stack/Repo; allowed: Duration.days(n) with a whole n >= 1. Use Duration.days(2) or another whole number of days.');
    expect(() => new SecureRepository(stack(), 'Repo', { lifecycleRules: [{ tagStatus: ecr.TagStatus.ANY, maxImageCount: 0 }] }))
      .toThrow('[ECS-ER-08] lifecycleRules[0] maxImageCount 0 is not a whole number >= 1 at Stack/Repo');
  });

  test('an invalid name says which limit it breaks, in the words of ECS-ER-01', () => {
    expect(() => new SecureRepository(stack(), 'Repo', { repositoryName: 'a' }))
      .toThrow('[ECS-ER-01] repositoryName \'a\' is too short (1 character, at least 2) at Stack/Repo');
  });

  test('a custom lifecycle policy replaces the defaults, and addLifecycleRule appends', () => {
    const s = stack();
    const repo = new SecureRepository(s, 'Repo', { lifecycleRules: [{ tagStatus: ecr.TagStatus.UNTAGGED, maxImageAge: Duration.days(1) }] });
    repo.addLifecycleRule({ tagStatus: ecr.TagStatus.ANY, maxImageCount: 500 });
    expect(lifecycle(Template.fromStack(s)).rules.map((r) => [r.rulePriority, r.selection.tagStatus])).toEqual([[1, 'untagged'], [2, 'any']]);
  });
});

describe('SecureRepository where aws-cdk-lib takes an ecr.IRepository (issue 13)', () => {
  test('ContainerImage.fromEcrRepository pulls through the managed policy; grantPull returns an iam.Grant that orders resources', () => {
    const s = stack();
    const repo = new SecureRepository(s, 'Repo');
    const ir: ecr.IRepository = repo;
    const td = new ecs.FargateTaskDefinition(s, 'Td');
    td.addContainer('app', { image: ecs.ContainerImage.fromEcrRepository(ir, '1.0.0') });
    const role = taskRole(s);
    const grant = repo.grantPull(role);
    expect(grant).toBeInstanceOf(iam.Grant);
    const queue = new sqs.Queue(s, 'Queue');
    grant.applyBefore(queue);
    const t = Template.fromStack(s);
    t.resourceCountIs('AWS::IAM::Policy', 0); // no inline policy, unlike aws-cdk-lib's Repository
    t.resourceCountIs('AWS::IAM::ManagedPolicy', 2); // the execution role's and the role's
    expect(JSON.stringify(t.findResources('AWS::SQS::Queue'))).toMatch(/"DependsOn":\["RoleEcrImagesPolicy/);
    t.hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: [Match.objectLike({ Image: Match.objectLike({ 'Fn::Join': Match.anyValue() }) })],
    });
  });
});

describe('SecureRepository grants', () => {
  test('grantPull creates one managed policy scoped to the repository, with the acknowledgement', () => {
    const s = stack();
    const repo = new SecureRepository(s, 'Repo');
    const role = taskRole(s);
    const policy = repo.pullPolicy(role);
    expect(repo.pullPolicy(role)).toBe(policy);
    expect(repo.grantPull(role).success).toBe(true); // same policy, no second one

    const t = Template.fromStack(s);
    t.resourceCountIs('AWS::IAM::ManagedPolicy', 1);
    t.resourceCountIs('AWS::IAM::Policy', 0);
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^Role') }],
      PolicyDocument: {
        Statement: [
          {
            Sid: 'EcrPull',
            Effect: 'Allow',
            Action: ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'],
            Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Repo'), 'Arn'] },
          },
          { Sid: 'EcrAuthorizationToken', Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
        ],
      },
    });
    expect(Object.keys(acknowledgements(policy))).toEqual(['AwsSolutions::AwsSolutions-IAM5[Resource::*]']);
    expect(acknowledgements(policy)['AwsSolutions::AwsSolutions-IAM5[Resource::*]']).toMatch(/GetAuthorizationToken/);
  });

  test('a Resource "*" statement the app adds to the shared policy keeps its AwsSolutions-IAM5 finding', () => {
    const s = stack();
    const repo = new SecureRepository(s, 'Repo');
    const role = taskRole(s);
    repo.grantPull(role);
    repo.pullPolicy(role).addStatements(new iam.PolicyStatement({ actions: ['dynamodb:GetItem'], resources: ['*'] }));
    Template.fromStack(s);
    expect(acknowledgements(repo.pullPolicy(role))).toEqual({});
  });

  test('a user gets the policy through Users', () => {
    const s = stack();
    new SecureRepository(s, 'Repo').grantPull(new iam.User(s, 'Ci'));
    Template.fromStack(s).hasResourceProperties('AWS::IAM::ManagedPolicy', { Users: [{ Ref: Match.stringLikeRegexp('^Ci') }], Roles: Match.absent() });
  });

  test('grantPush uses the push actions', () => {
    const s = stack();
    new SecureRepository(s, 'Repo').grantPush(taskRole(s));
    Template.fromStack(s).hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Sid: 'EcrPush',
          Action: ['ecr:BatchCheckLayerAvailability', 'ecr:InitiateLayerUpload', 'ecr:UploadLayerPart', 'ecr:CompleteLayerUpload', 'ecr:PutImage'],
        })]),
      },
    });
  });

  test('a role in another stack gets the policy in its own stack (no dependency cycle)', () => {
    const app = new App();
    const repoStack = new Stack(app, 'Registry');
    const taskStack = new Stack(app, 'Tasks');
    const repo = new SecureRepository(repoStack, 'Repo');
    const policy = repo.pullPolicy(taskRole(taskStack));

    expect(Stack.of(policy)).toBe(taskStack);
    Template.fromStack(taskStack).resourceCountIs('AWS::IAM::ManagedPolicy', 1);
    Template.fromStack(repoStack).resourceCountIs('AWS::IAM::ManagedPolicy', 0);
    expect(() => app.synth()).not.toThrow();
  });

  test('one managed policy per role, whatever the number of repositories (IAM attaches at most 10 to a role)', () => {
    const s = stack();
    const ci = taskRole(s);
    const repos = Array.from({ length: 12 }, (_, i) => new SecureRepository(s, `R${i}`, { repositoryName: `svc/app-${i}` }));
    for (const repo of repos) repo.grantPullPush(ci);
    expect(repos[3].pullPolicy(ci)).toBe(repos[7].pushPolicy(ci));
    const t = Template.fromStack(s);
    t.resourceCountIs('AWS::IAM::ManagedPolicy', 1);
    const [policy] = Object.values(t.findResources('AWS::IAM::ManagedPolicy'));
    const statements = policy.Properties.PolicyDocument.Statement as { Sid: string; Resource: unknown }[];
    expect(statements.map((st) => st.Sid)).toEqual(['EcrPull', 'EcrAuthorizationToken', 'EcrPush']);
    expect((statements[0].Resource as unknown[]).length).toBe(12);
    expect((statements[2].Resource as unknown[]).length).toBe(12);
    expect(policy.Properties.Roles).toEqual([{ Ref: expect.stringMatching(/^Role/) }]);
  });

  test('a policy names at most 20 repositories (IAM: 6,144 characters per managed policy); the 21st starts another', () => {
    const s = stack();
    const ci = taskRole(s);
    const repos = Array.from({ length: 45 }, (_, i) => new SecureRepository(s, `R${i}`, { repositoryName: `platform-team/service-with-a-long-name-${i}` }));
    for (const repo of repos) repo.grantPullPush(ci);
    expect(repos[0].pullPolicy(ci)).toBe(repos[19].pushPolicy(ci));
    expect(repos[20].pullPolicy(ci)).not.toBe(repos[19].pullPolicy(ci));
    expect(repos[44].pullPolicy(ci).node.id).toBe('EcrImagesPolicy3');
    const policies = Object.values(Template.fromStack(s).findResources('AWS::IAM::ManagedPolicy'));
    expect(policies.map((p) => (p.Properties.PolicyDocument.Statement[0].Resource as unknown[]).length)).toEqual([20, 20, 5]);
    // The size IAM counts, with each ARN as it resolves (the longest account id and Region).
    for (const p of policies) {
      const text = JSON.stringify(p.Properties.PolicyDocument).replace(/\{"Fn::GetAtt":\["[^"]+","Arn"\]\}/g,
        '"arn:aws:ecr:ap-southeast-2:123456789012:repository/platform-team/service-with-a-long-name-44"');
      expect(text.length).toBeLessThan(6144);
    }
  });

  test('long repository names split the policy by its size, not only by the count (each policy under IAM\'s 6,144 characters)', () => {
    const s = stack();
    const ci = taskRole(s);
    const name = (i: number) => `org/platform-team/services/payments-gateway-component-${String(i).padStart(2, '0')}-${'x'.repeat(38)}`;
    const repos = Array.from({ length: 20 }, (_, i) => new SecureRepository(s, `R${i}`, { repositoryName: name(i) }));
    for (const repo of repos) repo.grantPullPush(ci);
    const policies = Object.values(Template.fromStack(s).findResources('AWS::IAM::ManagedPolicy'));
    expect(policies.length).toBe(2);
    for (const p of policies) expect(deployedSize(p.Properties.PolicyDocument, name(0))).toBeLessThanOrEqual(6144);
    // A repository's pull and push grants stay in one policy.
    for (const repo of repos) expect(repo.pullPolicy(ci)).toBe(repo.pushPolicy(ci));
  });

  test('generated names are estimated from the stack name and logical ID: a long stack name splits sooner', () => {
    const app = new App();
    const s = new Stack(app, `org-platform-production-eu-west-1-payments-gateway-services-${'y'.repeat(20)}`);
    const ci = taskRole(s);
    const repos = Array.from({ length: 20 }, (_, i) => new SecureRepository(s, `PaymentsComponentRepository${i}`));
    for (const repo of repos) repo.grantPullPush(ci);
    const policies = Object.values(Template.fromStack(s).findResources('AWS::IAM::ManagedPolicy'));
    expect(policies.length).toBe(2);
    // CloudFormation's generated name: stack name, logical ID and a random suffix.
    const generated = `${s.stackName}-${'PaymentsComponentRepository19ABCDEF12'}-${'z'.repeat(13)}`.toLowerCase();
    for (const p of policies) expect(deployedSize(p.Properties.PolicyDocument, generated)).toBeLessThanOrEqual(6144);
  });

  test('a group gets the policy through Groups', () => {
    const s = stack();
    new SecureRepository(s, 'Repo').grantPull(new iam.Group(s, 'Builders'));
    Template.fromStack(s).hasResourceProperties('AWS::IAM::ManagedPolicy', { Groups: [{ Ref: Match.stringLikeRegexp('^Builders') }] });
  });

  const PULL = ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'];

  test('a service principal (Lambda pulling a container image) gets a repository policy statement', () => {
    const s = stack();
    const repo = new SecureRepository(s, 'Repo');
    new lambda.DockerImageFunction(s, 'Fn', { code: lambda.DockerImageCode.fromEcr(repo, { tagOrDigest: DIGEST }) });
    const t = Template.fromStack(s);
    t.hasResourceProperties('AWS::ECR::Repository', {
      RepositoryPolicyText: { Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: 'lambda.amazonaws.com' }, Action: PULL, Resource: Match.absent() })]) },
    });
    t.resourceCountIs('AWS::IAM::ManagedPolicy', 0);
  });

  test('a role of another account gets a repository policy statement, and no policy in this account', () => {
    const s = new Stack(new App(), 'Registry', { env: { account: '111111111111', region: 'eu-west-1' } });
    const repo = new SecureRepository(s, 'Repo');
    const grant = repo.grantPull(iam.Role.fromRoleArn(s, 'Puller', 'arn:aws:iam::222222222222:role/puller'));
    expect(grant.resourceStatement).toBeDefined();
    repo.grantPull(new iam.AccountPrincipal('333333333333'));
    const t = Template.fromStack(s);
    t.hasResourceProperties('AWS::ECR::Repository', {
      RepositoryPolicyText: {
        Statement: [
          Match.objectLike({ Principal: { AWS: 'arn:aws:iam::222222222222:role/puller' }, Action: PULL }),
          Match.objectLike({ Principal: { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::333333333333:root']] } }, Action: PULL }),
        ],
      },
    });
    t.resourceCountIs('AWS::IAM::ManagedPolicy', 0);
  });

  test('env-agnostic stack: a role imported by ARN gets both, unless it is immutable', () => {
    const s = stack();
    const repo = new SecureRepository(s, 'Repo');
    // The account may be this one (it then needs GetAuthorizationToken from its IAM policy) or another.
    repo.grantPull(iam.Role.fromRoleArn(s, 'Ci', 'arn:aws:iam::222222222222:role/ci'));
    repo.grantPull(iam.Role.fromRoleArn(s, 'Puller', 'arn:aws:iam::222222222222:role/puller', { mutable: false }));
    const t = Template.fromStack(s);
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', { Roles: ['ci'] });
    t.resourceCountIs('AWS::IAM::ManagedPolicy', 1);
    const statements = Object.values(t.findResources('AWS::ECR::Repository'))[0].Properties.RepositoryPolicyText.Statement;
    expect(statements.map((st: { Principal: { AWS: string } }) => st.Principal.AWS)).toEqual(['arn:aws:iam::222222222222:role/ci', 'arn:aws:iam::222222222222:role/puller']);
  });

  test('grantOrganizationPull: "*" principal keyed on aws:PrincipalOrgID, with the ECR1 acknowledgement', () => {
    const s = stack();
    const repo = new SecureRepository(s, 'Repo');
    repo.grantOrganizationPull('o-abc123def45');
    Template.fromStack(s).hasResourceProperties('AWS::ECR::Repository', {
      RepositoryPolicyText: {
        Statement: [{
          Sid: 'OrganizationPull',
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'],
          Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123def45' } },
          Resource: Match.absent(),
        }],
      },
    });
    expect(Object.keys(acknowledgements(repo.repository))).toEqual(['AwsSolutions::AwsSolutions-ECR1']);
  });

  test('a "*" principal granted without the organization condition keeps the AwsSolutions-ECR1 finding', () => {
    const s = stack();
    const repo = new SecureRepository(s, 'Repo');
    repo.grantOrganizationPull('o-abc123def45');
    repo.grantPull(new iam.AnyPrincipal());
    Template.fromStack(s);
    expect(acknowledgements(repo.repository)).toEqual({});
  });

  test('two organizations, each "*" limited by its aws:PrincipalOrgID: acknowledged, naming both', () => {
    const s = stack();
    const repo = new SecureRepository(s, 'Repo');
    repo.grantOrganizationPull('o-abc123def45');
    repo.grantOrganizationPull('o-zzz987yyy65');
    Template.fromStack(s);
    expect(acknowledgements(repo.repository)['AwsSolutions::AwsSolutions-ECR1']).toMatch(/o-abc123def45, o-zzz987yyy65/);
  });

  test('grantOrganizationPull with accounts names them and needs no acknowledgement', () => {
    const s = stack();
    const repo = new SecureRepository(s, 'Repo');
    repo.grantOrganizationPull('o-abc123def45', { accountIds: ['111111111111'] });
    Template.fromStack(s).hasResourceProperties('AWS::ECR::Repository', {
      RepositoryPolicyText: {
        Statement: [Match.objectLike({
          Principal: { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::111111111111:root']] } },
          Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123def45' } },
        })],
      },
    });
    expect(acknowledgements(repo.repository)).toEqual({});
  });
});

describe('SecureRepository images', () => {
  function task(s: Stack): ecs.FargateTaskDefinition {
    return new ecs.FargateTaskDefinition(s, 'Task', { cpu: 256, memoryLimitMiB: 512 });
  }

  test('imageForDigest pins the digest and grants the execution role through a managed policy', () => {
    const s = stack();
    const repo = new SecureRepository(s, 'Repo');
    task(s).addContainer('app', { image: repo.imageForDigest(DIGEST), memoryLimitMiB: 512 });
    const t = Template.fromStack(s);

    t.hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: [Match.objectLike({ Image: { 'Fn::Join': ['', Match.arrayWith([`@${DIGEST}`])] } })],
    });
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', { Roles: [{ Ref: Match.stringLikeRegexp('^TaskExecutionRole') }] });
    // fromEcrRepository would have written an inline DefaultPolicy on the execution role.
    t.resourceCountIs('AWS::IAM::Policy', 0);
  });

  test('imageForTag uses the tag, and warns when the tag is excluded from immutability', () => {
    const s = stack();
    const repo = new SecureRepository(s, 'Repo', { mutableTags: ['release-*'] });
    task(s).addContainer('app', { image: repo.imageForTag('release-7'), memoryLimitMiB: 512 });
    Template.fromStack(s).hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: [Match.objectLike({ Image: { 'Fn::Join': ['', Match.arrayWith([':release-7'])] } })],
    });
    Annotations.fromStack(s).hasWarning('/Stack/Repo', Match.stringLikeRegexp("Tag 'release-7' is excluded from tag immutability"));
  });

  test('latest on an immutable repository draws a warning: ECR refuses its second push (image-tag-mutability.html)', () => {
    const s = stack();
    new SecureRepository(s, 'Repo').imageForTag('latest');
    Annotations.fromStack(s).hasWarning('/Stack/Repo', Match.stringLikeRegexp("Tag 'latest' in Stack/Repo, whose tags are immutable: ECR takes one push of it and refuses the next"));
    const excluded = stack();
    new SecureRepository(excluded, 'Repo', { mutableTags: ['latest'] }).imageForTag('latest');
    Annotations.fromStack(excluded).hasNoWarning('*', Match.stringLikeRegexp('whose tags are immutable'));
  });

  test('an immutable tag draws no warning', () => {
    const s = stack();
    const repo = new SecureRepository(s, 'Repo', { mutableTags: ['latest'] });
    repo.imageForTag('v1.2.3');
    Annotations.fromStack(s).hasNoWarning('*', Match.anyValue());
  });
});
