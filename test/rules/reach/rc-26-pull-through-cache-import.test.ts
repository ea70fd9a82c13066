/**
 * ECS-RC-26: an image named by a literal ECR URI under a pull-through cache rule's prefix needs ecr:BatchImportUpstreamImage
 * and ecr:CreateRepository for its first pull (pull-through-cache-iam.html: "ecr:BatchImportUpstreamImage – Grants permission
 * to retrieve the external image and import it to your private registry"; "ecr:CreateRepository ... required if the repository
 * storing the cached images doesn't already exist"; both can come from the registry permissions policy instead).
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { PullThroughCacheRule, UpstreamRegistry } from '../../../src/registry/pull-through-cache';
import { runRules } from '../../../src/rules/engine';
import { AssemblyModel } from '../../../src/rules/model';
import { RC26_PULL_THROUGH_CACHE_IMPORT as rc26 } from '../../../src/rules/reach/rc-26-pull-through-cache-import';
import { assemblyOfStacks, check, checkAssembly, fargateTask, Resources } from '../helpers';

const URI = '111111111111.dkr.ecr.eu-west-1.amazonaws.com/docker-hub/library/nginx:1.27';
const TRUST = { Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
const pull = { Effect: 'Allow', Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'], Resource: '*' };
const ENV = { account: '111111111111', region: 'eu-west-1' };

function app(statements: unknown[], extra: Resources = {}, image: unknown = URI, prefix: unknown = 'docker-hub'): Resources {
  return {
    Cache: { Type: 'AWS::ECR::PullThroughCacheRule', Properties: { EcrRepositoryPrefix: prefix, UpstreamRegistry: 'docker-hub', CredentialArn: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:ecr-pullthroughcache/hub-AbCdEf' } },
    Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: TRUST } },
    Policy: { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'p', Roles: [{ Ref: 'Role' }], PolicyDocument: { Statement: [pull, ...statements] } } },
    Task: fargateTask({ ExecutionRoleArn: { 'Fn::GetAtt': ['Role', 'Arn'] }, ContainerDefinitions: [{ Name: 'web', Image: image }] }),
    ...extra,
  };
}

describe('ECS-RC-26 pull-through cache import permissions', () => {
  test('bad: a literal URI under the rule\'s prefix, the role may only pull', () => {
    const findings = check(rc26, app([]));
    expect(findings.map((f) => [f.ruleId, f.severity, f.logicalId])).toEqual([['ECS-RC-26', 'warning', 'Task']]);
    expect(findings[0].message).toBe(`[ECS-RC-26] container 'web' pulls ${URI} through pull-through cache rule TestStack/Cache (prefix docker-hub), but execution role `
      + 'TestStack/Role is not allowed ecr:BatchImportUpstreamImage or ecr:CreateRepository: the first pull of an image the cache does not hold yet fails at TestStack/Task; '
      + 'allowed: an execution role allowed ecr:BatchImportUpstreamImage and ecr:CreateRepository on repository docker-hub/library/nginx (or a registry permissions policy that grants them). '
      + 'Use the rule\'s own image (kit PullThroughCacheRule.containerImage(\'library/nginx\', tag) grants both), or grant ecr:BatchImportUpstreamImage and ecr:CreateRepository '
      + 'on arn:aws:ecr:eu-west-1:111111111111:repository/docker-hub/library/nginx to the execution role.');
  });

  test('bad: only CreateRepository missing; a repository of that name in the app needs only the import', () => {
    const imports = { Effect: 'Allow', Action: 'ecr:BatchImportUpstreamImage', Resource: '*' };
    expect(check(rc26, app([imports]))[0].message).toContain('is not allowed ecr:CreateRepository: the first pull');
    const repo = { Cached: { Type: 'AWS::ECR::Repository', Properties: { RepositoryName: 'docker-hub/library/nginx' } } };
    expect(check(rc26, app([imports], repo))).toEqual([]);
    expect(check(rc26, app([], repo))[0].message).toContain('is not allowed ecr:BatchImportUpstreamImage: the first pull');
  });

  test('good: both actions granted (scoped or ecr:*), or a registry policy in the app that may grant them', () => {
    const both = { Effect: 'Allow', Action: ['ecr:BatchImportUpstreamImage', 'ecr:CreateRepository'], Resource: 'arn:aws:ecr:eu-west-1:111111111111:repository/docker-hub/library/nginx' };
    expect(check(rc26, app([both]))).toEqual([]);
    expect(check(rc26, app([{ Effect: 'Allow', Action: 'ecr:*', Resource: '*' }]))).toEqual([]);
    expect(check(rc26, app([], { Registry: { Type: 'AWS::ECR::RegistryPolicy', Properties: { PolicyText: {} } } }))).toEqual([]);
  });

  test('good: images outside the prefix, ROOT rules, images of other registries, no rule in the app', () => {
    expect(check(rc26, app([], {}, '111111111111.dkr.ecr.eu-west-1.amazonaws.com/docker-hubby/app:1'))).toEqual([]);
    expect(check(rc26, app([], {}, 'nginx:1.27'))).toEqual([]);
    expect(check(rc26, app([], {}, URI, 'ROOT'))).toEqual([]);
    const { Cache: _, ...noRule } = app([]);
    expect(check(rc26, noRule)).toEqual([]);
    const otherAccount = assemblyOfStacks([{ name: 'S', environment: { ...ENV, account: '222222222222' }, template: { Resources: app([]) } }]);
    expect(checkAssembly(rc26, otherAccount)).toEqual([]);
    const sameAccount = assemblyOfStacks([{ name: 'S', environment: ENV, template: { Resources: app([]) } }]);
    expect(checkAssembly(rc26, sameAccount)).toHaveLength(1);
  });

  test('unresolved: a role outside the app, a policy the template does not show, an unresolved prefix or image', () => {
    const outside = app([]);
    (outside.Task.Properties as any).ExecutionRoleArn = 'arn:aws:iam::111111111111:role/exec';
    expect(check(rc26, outside)).toEqual([]);
    const managed = app([]);
    (managed.Role.Properties as any).ManagedPolicyArns = ['arn:aws:iam::111111111111:policy/team'];
    expect(check(rc26, managed)).toEqual([]);
    expect(check(rc26, app([], {}, URI, { Ref: 'Prefix' }))).toEqual([]);
    expect(check(rc26, app([], {}, { 'Fn::Sub': '${AWS::AccountId}.dkr.ecr.eu-west-1.amazonaws.com/docker-hub/library/nginx:1.27' }))).toEqual([]);
  });

  test('kit: PullThroughCacheRule.containerImage is clean; the same image by its URI on a plain task definition warns', () => {
    const stack = new Stack(new App(), 'Kit', { env: ENV });
    const rule = new PullThroughCacheRule(stack, 'Cache', { upstream: UpstreamRegistry.ECR_PUBLIC });
    const cached = new ecs.FargateTaskDefinition(stack, 'Cached');
    cached.addContainer('web', { image: rule.containerImage('nginx/nginx-unprivileged', '1.27') });
    const literal = new ecs.FargateTaskDefinition(stack, 'Literal');
    literal.addContainer('web', { image: ecs.ContainerImage.fromRegistry('111111111111.dkr.ecr.eu-west-1.amazonaws.com/ecr-public/nginx/nginx-unprivileged:1.27') });
    literal.obtainExecutionRole().addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['ecr:BatchGetImage'], resources: ['*'] }));
    const model = new AssemblyModel([{ name: 'Kit', environment: ENV, template: Template.fromStack(stack).toJSON() }]);
    const found = runRules(model, { rules: [rc26] });
    expect(found.map((f) => f.path)).toEqual([expect.stringMatching(/^Kit\/Literal/)]);
    expect(found[0].message).toContain("kit PullThroughCacheRule.containerImage('nginx/nginx-unprivileged', tag)");
  });
});
