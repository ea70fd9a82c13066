/** Bad and good cases for each ORG rule, over plain templates (no synth). */
import { App, Stack } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import { runRules } from '../../../src/rules/engine';
import { AssemblyModel } from '../../../src/rules/model';
import { DeploymentStandardProps, EncryptionRequirement } from '../../../src/standards';
import { ORG_RULES, orgRulesFor } from '../../../src/standards/rules';
import { assemblyOf, fargateTask, Resources } from '../../rules/helpers';

const STANDARD: DeploymentStandardProps = {
  name: 'acme',
  version: '2.0.0',
  requiredTags: ['team', 'cost-center'],
  requireTagPropagation: true,
  allowedRegions: ['eu-west-1'],
  allowedFargateSizes: ['256/512', '1024/2048'],
  maxTaskVcpu: 1,
  maxDesiredCount: 10,
  minLogRetentionDays: 365,
  requiredEncryption: EncryptionRequirement.KMS,
  allowedImageSources: ['111111111111.dkr.ecr.*.amazonaws.com/*', 'public.ecr.aws/*'],
  requireImageDigest: true,
  allowSpot: false,
  allowPublicLoadBalancers: false,
  allowExecuteCommand: false,
  requireContainerInsights: true,
  requireDeploymentRollback: true,
};
const TAGS = [{ Key: 'team', Value: 'web' }, { Key: 'cost-center', Value: '42' }];
const DIGEST = `@sha256:${'a'.repeat(64)}`;

function findings(resources: Resources, standard: DeploymentStandardProps = STANDARD, region?: string) {
  const assembly = region
    ? new AssemblyModel([{ name: 'TestStack', template: { Resources: resources }, environment: { region } }])
    : assemblyOf(resources);
  return runRules(assembly, { rules: orgRulesFor(standard) });
}
const ids = (resources: Resources, standard?: DeploymentStandardProps, region?: string) =>
  findings(resources, standard, region).map((f) => f.ruleId).sort();

const goodTask = fargateTask({ Tags: TAGS, ContainerDefinitions: [{ Name: 'app', Image: `public.ecr.aws/nginx/nginx${DIGEST}` }] });
const goodService = {
  Type: 'AWS::ECS::Service',
  Properties: {
    Tags: TAGS,
    PropagateTags: 'SERVICE',
    DesiredCount: 2,
    CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE', Weight: 1 }],
    DeploymentConfiguration: { DeploymentCircuitBreaker: { Enable: true, Rollback: true } },
  },
};
const goodCluster = { Type: 'AWS::ECS::Cluster', Properties: { Tags: TAGS, ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }] } };
const goodLogs = { Type: 'AWS::Logs::LogGroup', Properties: { Tags: TAGS, RetentionInDays: 365, KmsKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] } } };

describe('ORG rules', () => {
  test('a compliant set of resources has no findings', () => {
    expect(findings({ Task: goodTask, Service: goodService, Cluster: goodCluster, Logs: goodLogs }, STANDARD, 'eu-west-1')).toEqual([]);
  });

  test('only the rules a standard asks for run', () => {
    expect(orgRulesFor({})).toEqual([]);
    expect(orgRulesFor({ requiredTags: ['team'] }).map((r) => r.id)).toEqual(['ORG-TAG-01']);
    expect(orgRulesFor(STANDARD).map((r) => r.id)).toEqual(ORG_RULES.map((r) => r.id));
  });

  test('ORG-TAG-01 names the missing tag, the construct path and the fix; token tags are skipped', () => {
    const [f] = findings({ Cluster: { ...goodCluster, Properties: { ...goodCluster.Properties, Tags: [{ Key: 'team', Value: 'web' }] }, Metadata: { 'aws:cdk:path': 'App/Stack/Cluster/Resource' } } });
    expect(f.ruleId).toBe('ORG-TAG-01');
    expect(f.message).toBe("[ORG-TAG-01] AWS::ECS::Cluster is missing required tag(s) 'cost-center' of standard 'acme' 2.0.0 at App/Stack/Cluster; "
      + "allowed: tags team, cost-center on every ECS cluster, service, Express service, task definition, capacity provider, ECR repository, load balancer and log group. Add Tags.of(scope).add('cost-center', VALUE) on the construct, its stack or the app.");
    expect(ids({ Cluster: { ...goodCluster, Properties: { ...goodCluster.Properties, Tags: { 'Fn::If': ['C', [], []] } } } })).toEqual([]);
  });

  test('ORG-TAG-02 on schedules that run ECS tasks: EcsParameters.PropagateTags TASK_DEFINITION', () => {
    const schedule = (ecsParameters: Record<string, unknown> | undefined) => ({
      Type: 'AWS::Scheduler::Schedule',
      Properties: {
        ScheduleExpression: 'rate(1 hour)',
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: { Arn: 'arn:aws:ecs:eu-west-1:111111111111:cluster/c', RoleArn: 'arn:aws:iam::111111111111:role/r', ...ecsParameters ? { EcsParameters: ecsParameters } : {} },
      },
    });
    const [f] = findings({ J: schedule({ TaskDefinitionArn: 'arn:td' }) });
    expect(f.ruleId).toBe('ORG-TAG-02');
    expect(f.message).toContain('Scheduled ECS task PropagateTags is not set (propagateTags NONE, or none given), so the tasks it runs are untagged');
    expect(f.message).toContain('EcsParameters.PropagateTags: TASK_DEFINITION');
    expect(ids({ J: schedule({ TaskDefinitionArn: 'arn:td', PropagateTags: 'TASK_DEFINITION' }) })).toEqual([]);
    expect(ids({ J: schedule({ TaskDefinitionArn: 'arn:td', PropagateTags: { Ref: 'P' } }) })).toEqual([]);
    // A schedule that targets something else (a Lambda function) is not judged.
    expect(ids({ J: schedule(undefined) })).toEqual([]);
  });

  test('ORG-TAG-02 on EventBridge rules that run ECS tasks (ecs-patterns ScheduledFargateTask), each target (found by a user trial)', () => {
    const rule = (...ecsParameters: (Record<string, unknown> | undefined)[]) => ({
      Type: 'AWS::Events::Rule',
      Properties: {
        ScheduleExpression: 'rate(1 hour)',
        Targets: ecsParameters.map((p, i) => ({ Id: `T${i}`, Arn: 'arn:aws:ecs:eu-west-1:111111111111:cluster/c', ...p ? { EcsParameters: p } : {} })),
      },
    });
    const [f, ...rest] = findings({ R: rule({ TaskDefinitionArn: 'arn:td', PropagateTags: 'TASK_DEFINITION' }, { TaskDefinitionArn: 'arn:td' }, undefined) });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ruleId: 'ORG-TAG-02', property: 'Properties/Targets/1/EcsParameters/PropagateTags' });
    expect(ids({ R: rule({ TaskDefinitionArn: 'arn:td', PropagateTags: 'TASK_DEFINITION' }, undefined) })).toEqual([]);
  });

  test('ORG-TAG-02 needs PropagateTags SERVICE or TASK_DEFINITION', () => {
    expect(ids({ S: { ...goodService, Properties: { ...goodService.Properties, PropagateTags: undefined } } })).toEqual(['ORG-TAG-02']);
    expect(ids({ S: { ...goodService, Properties: { ...goodService.Properties, PropagateTags: 'TASK_DEFINITION' } } })).toEqual([]);
  });

  test('ORG-REG-01 judges literal Regions only', () => {
    expect(ids({ C: goodCluster }, STANDARD, 'us-east-1')).toEqual(['ORG-REG-01']);
    expect(ids({ C: goodCluster }, STANDARD, 'eu-west-1')).toEqual([]);
    expect(ids({ C: goodCluster })).toEqual([]);
  });

  test('ORG-FG-01 and ORG-FG-02: a too-large Fargate size fails both; EC2 tasks only the vCPU limit', () => {
    const big = findings({ T: { ...goodTask, Properties: { ...goodTask.Properties, Cpu: '4096', Memory: '8192' } } });
    expect(big.map((f) => f.ruleId).sort()).toEqual(['ORG-FG-01', 'ORG-FG-02']);
    expect(big.find((f) => f.ruleId === 'ORG-FG-01')!.message).toContain('Fargate task size cpu 4096 / memory 8192 MiB is not allowed');
    expect(big.find((f) => f.ruleId === 'ORG-FG-02')!.message).toContain('allowed: cpu up to 1024 (1 vCPU). Use cpu 1024 or less.');
    expect(ids({ T: { ...goodTask, Properties: { ...goodTask.Properties, RequiresCompatibilities: ['EC2'], Cpu: '2048', Memory: '512' } } })).toEqual(['ORG-FG-02']);
    expect(ids({ T: { ...goodTask, Properties: { ...goodTask.Properties, Cpu: { Ref: 'Cpu' } } } })).toEqual([]);
  });

  test('ORG-FG-01 suggests the smallest allowed size that holds the task, or says none does', () => {
    const fix = (cpu: string, memory: string, allowed = ['1024/2048', '256/512', '512/1024', '512/4096']) => findings(
      { T: { ...goodTask, Properties: { ...goodTask.Properties, Cpu: cpu, Memory: memory } } },
      { ...STANDARD, maxTaskVcpu: undefined, allowedFargateSizes: allowed },
    ).find((f) => f.ruleId === 'ORG-FG-01')?.message.replace(/.*MiB\. /, '');
    expect(fix('256', '1024')).toBe('Use cpu 512 with memory 1024 MiB, the smallest allowed size that holds this task.');
    expect(fix('512', '2048')).toBe('Use cpu 512 with memory 4096 MiB, the smallest allowed size that holds this task.');
    expect(fix('256', '3072')).toBe('Use cpu 512 with memory 4096 MiB, the smallest allowed size that holds this task.');
    expect(fix('1024', '1024')).toBe('Use cpu 1024 with memory 2048 MiB, the smallest allowed size that holds this task.');
    expect(fix('2048', '4096')).toBe('No allowed size holds cpu 2048 / memory 4096 MiB: lower the task to at most cpu 1024 / memory 2048 MiB '
      + '(the largest allowed), or acknowledge ORG-FG-01 on it with the approval\'s reason.');
    expect(fix('256', '512')).toBeUndefined();
  });

  test('ORG-SVC-01 caps desiredCount', () => {
    expect(ids({ S: { ...goodService, Properties: { ...goodService.Properties, DesiredCount: 11 } } })).toEqual(['ORG-SVC-01']);
  });

  test('ORG-LOG-01: short retention fails, never-expire passes', () => {
    const [f] = findings({ L: { ...goodLogs, Properties: { ...goodLogs.Properties, RetentionInDays: 7 } } });
    expect(f.message).toContain('Log group retention 7 days is shorter than the 365 days');
    expect(ids({ L: { ...goodLogs, Properties: { ...goodLogs.Properties, RetentionInDays: undefined } } })).toEqual([]);
  });

  test('ORG-ENC-01: KMS required of log groups, repositories, queues and topics; AWS-owned accepts SQS-managed SSE', () => {
    expect(ids({ L: { ...goodLogs, Properties: { ...goodLogs.Properties, KmsKeyId: undefined } } })).toEqual(['ORG-ENC-01']);
    expect(ids({ R: { Type: 'AWS::ECR::Repository', Properties: { Tags: TAGS } } })).toEqual(['ORG-ENC-01']);
    expect(ids({ R: { Type: 'AWS::ECR::Repository', Properties: { Tags: TAGS, EncryptionConfiguration: { EncryptionType: 'KMS' } } } })).toEqual([]);
    const awsOwned = { ...STANDARD, requiredEncryption: EncryptionRequirement.AWS_OWNED };
    expect(ids({ Q: { Type: 'AWS::SQS::Queue', Properties: {} } }, awsOwned)).toEqual([]);
    expect(ids({ Q: { Type: 'AWS::SQS::Queue', Properties: { SqsManagedSseEnabled: false } } }, awsOwned)).toEqual(['ORG-ENC-01']);
    expect(ids({ T: { Type: 'AWS::SNS::Topic', Properties: {} } }, awsOwned)).toEqual(['ORG-ENC-01']);
  });

  test('ORG-ENC-01: the log group of a VPC flow log gets a fix that works (FlowLogOptions take no key)', () => {
    const plainLogs = { ...goodLogs, Properties: { ...goodLogs.Properties, KmsKeyId: undefined } };
    const flowLog = { Type: 'AWS::EC2::FlowLog', Properties: { LogGroupName: { Ref: 'L' }, ResourceId: 'vpc-1', ResourceType: 'VPC', TrafficType: 'ALL' } };
    const [f] = findings({ L: plainLogs, F: flowLog });
    expect(f.message).toContain("create a logs.LogGroup with encryptionKey: KmsKeys.create(scope, 'LogKey', { forCloudWatchLogs: true }) "
      + '(rotation on, and a key policy that admits CloudWatch Logs), and pass it as destination: ec2.FlowLogDestination.toCloudWatchLogs(logGroup).');
    const [other] = findings({ L: plainLogs, F: { ...flowLog, Properties: { ...flowLog.Properties, LogGroupName: 'elsewhere' } } });
    expect(other.message).toContain("Pass encryptionKey: KmsKeys.create(scope, 'LogKey', { forCloudWatchLogs: true })");
    const [repository] = findings({ R: { Type: 'AWS::ECR::Repository', Properties: { Tags: TAGS } } });
    expect(repository.message).toContain('Pass an encryptionKey (kms.Key) to the construct.');
  });

  test('ORG-IMG-01: a Docker Hub image is named as such; allowed registries and token images pass', () => {
    const dockerHub = findings({ T: { ...goodTask, Properties: { ...goodTask.Properties, ContainerDefinitions: [{ Name: 'web', Image: `nginx${DIGEST}` }] } } });
    expect(dockerHub.map((f) => f.ruleId)).toEqual(['ORG-IMG-01']);
    expect(dockerHub[0].message).toContain("Container web image 'nginx@sha256:");
    expect(dockerHub[0].message).toContain('(a public image from Docker Hub) is not from a source');
    const ecrImage = `111111111111.dkr.ecr.eu-west-1.amazonaws.com/api${DIGEST}`;
    const token = { 'Fn::Join': ['', [{ Ref: 'AWS::AccountId' }, `.dkr.ecr.eu-west-1.amazonaws.com/api${DIGEST}`]] };
    expect(ids({ T: { ...goodTask, Properties: { ...goodTask.Properties, ContainerDefinitions: [{ Name: 'a', Image: ecrImage }, { Name: 'b', Image: token }] } } }))
      .toEqual([]);
    expect(ids({ T: { ...goodTask, Properties: { ...goodTask.Properties, ContainerDefinitions: [{ Name: 'a', Image: `ghcr.io/x/y${DIGEST}` }] } } }))
      .toEqual(['ORG-IMG-01']);
  });

  test('ORG-IMG-02 needs a digest and suggests one', () => {
    const [f] = findings({ T: { ...goodTask, Properties: { ...goodTask.Properties, ContainerDefinitions: [{ Name: 'a', Image: 'public.ecr.aws/nginx/nginx:1.27' }] } } });
    expect(f.ruleId).toBe('ORG-IMG-02');
    expect(f.fix).toBe("Use 'public.ecr.aws/nginx/nginx@sha256:DIGEST'");
  });

  // What aws-cdk-lib writes for an ECR repository of the app: a token URI with a literal tag or digest at its end.
  test('ORG-IMG-02 judges the literal tag at the end of a repository of the app\'s image URI', () => {
    const stack = new Stack(new App(), 'S');
    const repo = new ecr.Repository(stack, 'Repo');
    // What ContainerImage.fromEcrRepository(repo, tag) and SecureRepository.imageForTag write.
    const uri = (tagOrDigest: string) => stack.resolve(repo.repositoryUriForTagOrDigest(tagOrDigest));
    const task = (...images: unknown[]) => ({ T: { ...goodTask, Properties: { ...goodTask.Properties, ContainerDefinitions: images.map((Image, i) => ({ Name: `c${i}`, Image })) } } });
    const tagged = findings(task(uri('v2'), uri('latest')));
    expect(tagged.map((f) => [f.ruleId, f.property])).toEqual([
      ['ORG-IMG-02', 'Properties/ContainerDefinitions/0/Image'], ['ORG-IMG-02', 'Properties/ContainerDefinitions/1/Image'],
    ]);
    expect(tagged[0].message).toContain('Container c0 image of a repository of the app is pinned by tag \'v2\', not by digest (standard \'acme\' 2.0.0)');
    expect(tagged[1].message).toContain('pinned by tag \'latest\'');
    expect(tagged[0].fix).toContain('imageForDigest(\'sha256:DIGEST\')');
    expect(ids(task(uri(`sha256:${'b'.repeat(64)}`)))).toEqual([]);
    expect(ids(task({ 'Fn::Sub': '${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/assets:abc123' }, { Ref: 'ImageParam' }))).toEqual([]);
  });

  test('ORG-SPOT-01 finds FARGATE_SPOT in services and default strategies, and Spot in Auto Scaling groups', () => {
    expect(ids({ S: { ...goodService, Properties: { ...goodService.Properties, CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE_SPOT' }] } } })).toEqual(['ORG-SPOT-01']);
    expect(ids({ A: { Type: 'AWS::ECS::ClusterCapacityProviderAssociations', Properties: { DefaultCapacityProviderStrategy: [{ CapacityProvider: 'FARGATE_SPOT' }] } } }))
      .toEqual(['ORG-SPOT-01']);
    const asg = (pct: number) => ({ G: { Type: 'AWS::AutoScaling::AutoScalingGroup', Properties: { MixedInstancesPolicy: { InstancesDistribution: { OnDemandPercentageAboveBaseCapacity: pct } } } } });
    expect(ids(asg(50))).toEqual(['ORG-SPOT-01']);
    expect(ids(asg(100))).toEqual([]);
    expect(ids({ S: { ...goodService, Properties: { ...goodService.Properties, CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE_SPOT' }] } } }, { allowSpot: true })).toEqual([]);
  });

  test('ORG-ELB-01: a missing Scheme is internet-facing', () => {
    const lb = (props: Record<string, unknown>) => ({ L: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Tags: TAGS, ...props } } });
    expect(ids(lb({}))).toEqual(['ORG-ELB-01']);
    expect(ids(lb({ Scheme: 'internet-facing' }))).toEqual(['ORG-ELB-01']);
    expect(ids(lb({ Scheme: 'internal' }))).toEqual([]);
  });

  test('ORG-EXEC-01 and ORG-CI-01', () => {
    expect(ids({ S: { ...goodService, Properties: { ...goodService.Properties, EnableExecuteCommand: true } } })).toEqual(['ORG-EXEC-01']);
    expect(ids({ C: { ...goodCluster, Properties: { Tags: TAGS } } })).toEqual(['ORG-CI-01']);
    expect(ids({ C: { ...goodCluster, Properties: { Tags: TAGS, ClusterSettings: [{ Name: 'containerInsights', Value: 'enhanced' }] } } })).toEqual([]);
  });

  test('ORG-DEP-01: an ECS-controller service without a circuit breaker or alarms that roll back (asked for by a deployments user trial)', () => {
    const svc = (deployment: Record<string, unknown> | undefined, extra: Record<string, unknown> = {}) =>
      ({ S: { ...goodService, Properties: { ...goodService.Properties, DeploymentConfiguration: deployment, ...extra } } });
    const [f, ...rest] = findings(svc(undefined));
    expect(rest).toEqual([]);
    expect(f.message).toBe('[ORG-DEP-01] ECS service does not roll back a failed deployment (no circuit breaker or deployment alarms with '
      + 'Rollback), which standard \'acme\' 2.0.0 requires at TestStack/S; allowed: DeploymentCircuitBreaker { Enable: true, Rollback: true } or '
      + 'Alarms { Enable: true, Rollback: true }. Set circuitBreaker: { rollback: true } on the service (kit services have it by default), '
      + 'or deployment alarms with rollback.');
    expect(ids(svc({ DeploymentCircuitBreaker: { Enable: true, Rollback: false } }))).toEqual(['ORG-DEP-01']);
    expect(ids(svc({ Strategy: 'BLUE_GREEN', Alarms: { AlarmNames: ['a'], Enable: true } }))).toEqual(['ORG-DEP-01']);
    // Alarms with rollback; another controller; unresolved settings.
    expect(ids(svc({ Alarms: { AlarmNames: ['a'], Enable: true, Rollback: true } }))).toEqual([]);
    expect(ids(svc(undefined, { DeploymentController: { Type: 'CODE_DEPLOY' } }))).toEqual([]);
    expect(ids(svc({ DeploymentCircuitBreaker: { Enable: true, Rollback: { Ref: 'Rollback' } } }))).toEqual([]);
    expect(ids(svc({ Ref: 'Deployment' }))).toEqual([]);
    expect(ids(svc(undefined), { requireDeploymentRollback: false })).toEqual([]);
  });

  test('every ORG rule has complete metadata and a unique id', () => {
    expect(new Set(ORG_RULES.map((r) => r.id)).size).toBe(ORG_RULES.length);
    for (const r of ORG_RULES) {
      expect(r.id).toMatch(/^ORG-[A-Z]+-\d\d$/);
      expect(r.area).toBe('org');
      for (const text of [r.title, r.description, r.deployError, r.fix, r.source]) expect(text.length).toBeGreaterThan(10);
    }
  });
});

// An Express service carries its own container, size and tags (AWS::ECS::ExpressGatewayService): the standard
// judges them as it judges a task definition's, so Express Mode is no way around it.
describe('ORG rules on Express services', () => {
  const express = (props: Record<string, unknown>) => ({ X: { Type: 'AWS::ECS::ExpressGatewayService', Properties: props } });
  test('bad: image from Docker Hub by tag, size off the list and above the vCPU maximum, no tags', () => {
    const f = findings(express({ PrimaryContainer: { Image: 'nginx:1.27' }, Cpu: '2048', Memory: '4096' }));
    expect(f.map((x) => x.ruleId).sort()).toEqual(['ORG-FG-01', 'ORG-FG-02', 'ORG-IMG-01', 'ORG-IMG-02', 'ORG-TAG-01']);
    expect(f.find((x) => x.ruleId === 'ORG-IMG-01')?.message)
      .toContain("Express service primary container image 'nginx:1.27' (a public image from Docker Hub) is not from a source that standard 'acme' 2.0.0 allows");
    expect(f.find((x) => x.ruleId === 'ORG-IMG-01')?.property).toBe('Properties/PrimaryContainer/Image');
  });
  test('good: an allowed image by digest, an allowed size, the tags; skipped: size left to the defaults, token image', () => {
    expect(ids(express({ PrimaryContainer: { Image: `public.ecr.aws/nginx/nginx${DIGEST}` }, Cpu: '1024', Memory: '2048', Tags: TAGS }))).toEqual([]);
    expect(ids(express({ PrimaryContainer: { Image: { 'Fn::Sub': '${Repo}:latest' } }, Tags: TAGS }))).toEqual([]);
  });
});
