/**
 * Registry-level ECR resources: pull-through cache rules (ECS-ER-18), the registry scanning configuration
 * (ECS-ER-19) and one scanning / replication configuration per registry (ECS-ER-20).
 *
 * Sources (ECR API reference and user guide, CloudFormation template reference):
 * - API_CreatePullThroughCacheRule.html: ecrRepositoryPrefix "Minimum length of 2. Maximum length of 30.",
 *   pattern ^((?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*\/?|ROOT)$; credentialArn pattern
 *   ^arn:aws(-\w+)*:secretsmanager:[a-zA-Z0-9-:]+:secret:ecr\-pullthroughcache\/[a-zA-Z0-9\/_+=.@-]+$;
 *   PullThroughCacheRuleAlreadyExistsException "A pull through cache rule with these settings already exists for the private registry."
 * - pull-through-cache.html: "Docker Hub, Microsoft Azure Container Registry, GitHub Container Registry, GitLab Container
 *   Registry and Chainguard Registry (requires authentication with AWS Secrets Manager secret)".
 * - API_RegistryScanningConfiguration.html: rules "Maximum number of 2 items."
 * - API_RegistryScanningRule.html: "When the BASIC scan type is specified, the SCAN_ON_PUSH scan frequency is supported."
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { QuotaProfile } from '../../../src/quotas/quota-profile';
import { EcsQuota } from '../../../src/quotas/quota-table';
import { runRules } from '../../../src/rules/engine';
import { AssemblyModel } from '../../../src/rules/model';
import { ER18_PULL_THROUGH_CACHE as er18 } from '../../../src/rules/registry/er-18-pull-through-cache';
import { ER19_REGISTRY_SCANNING as er19 } from '../../../src/rules/registry/er-19-registry-scanning';
import { ER20_ONE_REGISTRY_CONFIGURATION as er20 } from '../../../src/rules/registry/er-20-one-registry-configuration';
import { assemblyOfStacks, check, checkAssembly } from '../helpers';

const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:ecr-pullthroughcache/docker-hub-AbCdEf';
const cache = (props: Record<string, unknown>) => ({ Type: 'AWS::ECR::PullThroughCacheRule', Properties: props });
const hub = (props: Record<string, unknown> = {}) => cache({
  EcrRepositoryPrefix: 'docker-hub', UpstreamRegistry: 'docker-hub', UpstreamRegistryUrl: 'registry-1.docker.io', CredentialArn: SECRET_ARN, ...props,
});
const publicEcr = (prefix: unknown) => cache({ EcrRepositoryPrefix: prefix, UpstreamRegistry: 'ecr-public', UpstreamRegistryUrl: 'public.ecr.aws' });
const ENV = { account: '111111111111', region: 'eu-west-1' };

describe('ECS-ER-18 pull-through cache rules', () => {
  test('bad: an upstream that requires credentials without CredentialArn, by name or by URL', () => {
    for (const upstream of ['docker-hub', 'github-container-registry', 'gitlab-container-registry', 'azure-container-registry']) {
      const [f, ...rest] = check(er18, { C: hub({ UpstreamRegistry: upstream, CredentialArn: undefined }) });
      expect(rest).toEqual([]);
      expect(f).toMatchObject({ ruleId: 'ECS-ER-18', severity: 'error', property: 'Properties/CredentialArn', value: JSON.stringify(upstream) });
      expect(f.message).toBe(`[ECS-ER-18] upstream ${upstream} requires authentication but the rule has no CredentialArn at TestStack/C; `
        + 'allowed: the ARN of a Secrets Manager secret named ecr-pullthroughcache/... holding the upstream user name and access token. '
        + 'Store the upstream credentials in a Secrets Manager secret named ecr-pullthroughcache/<name> and set CredentialArn to its ARN.');
    }
    // Without UpstreamRegistry (older templates), the URL tells.
    for (const url of ['ghcr.io', 'registry.gitlab.com', 'myteam.azurecr.io', 'registry-1.docker.io']) {
      const [f] = check(er18, { C: cache({ EcrRepositoryPrefix: 'up', UpstreamRegistryUrl: url }) });
      expect(f.message).toContain(`upstream ${url} requires authentication but the rule has no CredentialArn`);
    }
  });

  test('bad: a CredentialArn whose secret name does not start with ecr-pullthroughcache/ (literal ARN, or a secret of the stack)', () => {
    const [literal] = check(er18, { C: hub({ CredentialArn: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:dockerhub-token-AbCdEf' }) });
    expect(literal).toMatchObject({ property: 'Properties/CredentialArn', value: JSON.stringify('arn:aws:secretsmanager:eu-west-1:111111111111:secret:dockerhub-token-AbCdEf') });
    expect(literal.message).toBe('[ECS-ER-18] CredentialArn names secret "dockerhub-token-AbCdEf", which does not start with ecr-pullthroughcache/ at TestStack/C; '
      + 'allowed: arn:<partition>:secretsmanager:<region>:<account>:secret:ecr-pullthroughcache/.... '
      + 'Store the upstream credentials in a secret named ecr-pullthroughcache/<name> and use its ARN.');
    const [notArn] = check(er18, { C: hub({ CredentialArn: 'dockerhub-token' }) });
    expect(notArn.message).toContain('CredentialArn "dockerhub-token" is not the ARN of a Secrets Manager secret');
    const named = check(er18, { S: { Type: 'AWS::SecretsManager::Secret', Properties: { Name: 'dockerhub' } }, C: hub({ CredentialArn: { Ref: 'S' } }) });
    expect(named.map((f) => f.message)).toEqual([
      '[ECS-ER-18] CredentialArn refers to secret TestStack/S named "dockerhub", which does not start with ecr-pullthroughcache/ at TestStack/C; '
        + 'allowed: a secret named ecr-pullthroughcache/.... Name the secret ecr-pullthroughcache/<name> (Name; secretName in aws-cdk-lib).',
    ]);
    const unnamed = check(er18, { S: { Type: 'AWS::SecretsManager::Secret', Properties: {} }, C: hub({ CredentialArn: { Ref: 'S' } }) });
    expect(unnamed[0].message).toContain('CredentialArn refers to secret TestStack/S, which has no Name, so CloudFormation names it without ecr-pullthroughcache/');
  });

  test('bad: EcrRepositoryPrefix too short, too long, uppercase or with a leading separator', () => {
    for (const prefix of ['x', 'a'.repeat(31), 'Docker-Hub', '-hub', 'root']) {
      const findings = check(er18, { C: publicEcr(prefix) });
      if (prefix === 'root') {
        expect(findings).toEqual([]);
        continue;
      }
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ ruleId: 'ECS-ER-18', property: 'Properties/EcrRepositoryPrefix', value: JSON.stringify(prefix) });
      expect(findings[0].message).toContain(`EcrRepositoryPrefix ${JSON.stringify(prefix)} is not a valid pull-through cache prefix`);
      expect(findings[0].message).toContain('allowed: 2-30 lowercase letters, digits and . _ - / separators (a repository name prefix), or ROOT');
    }
  });

  test('bad: two rules of the same registry with the same prefix (a trailing / counts as the same prefix); the first is fine', () => {
    const findings = check(er18, { A: publicEcr('cache'), B: hub({ EcrRepositoryPrefix: 'cache/' }) });
    expect(findings.map((f) => [f.logicalId, f.property])).toEqual([['B', 'Properties/EcrRepositoryPrefix']]);
    expect(findings[0].message).toBe('[ECS-ER-18] EcrRepositoryPrefix "cache/" is already used by pull-through cache rule TestStack/A of the same registry '
      + '(the same account and Region) at TestStack/B; allowed: one pull-through cache rule per prefix and registry. Give this rule another prefix, or remove it and use TestStack/A.');
    // Two stacks of the same literal account and Region share the registry.
    const two = assemblyOfStacks([
      { name: 'A', template: { Resources: { C: publicEcr('cache') } }, environment: ENV },
      { name: 'B', template: { Resources: { C: publicEcr('cache') } }, environment: ENV },
    ]);
    expect(checkAssembly(er18, two).map((f) => [f.stack, f.message.includes('(111111111111/eu-west-1)')])).toEqual([['B', true]]);
  });

  test(`bad: more pull-through cache rules in one registry than the quota (${QuotaProfile.current().limit(EcsQuota.ECR_PULL_THROUGH_CACHE_RULES)}), reported once`, () => {
    const resources = Object.fromEntries(Array.from({ length: 52 }, (_, i) => [`C${i}`, publicEcr(`cache${i}`)]));
    const findings = check(er18, resources);
    expect(findings.map((f) => [f.logicalId, f.property, f.value])).toEqual([['C50', 'Properties', '"52 rules"']]);
    expect(findings[0].message).toContain('the registry (the same account and Region) gets 52 pull-through cache rules from this assembly; this is rule #51');
    expect(findings[0].message).toContain('allowed: at most 50 pull-through cache rules per registry (not adjustable)');
  });

  test('good: ECR Public without credentials, Docker Hub with an ecr-pullthroughcache/ secret, 50 rules, ROOT and prefixes with /', () => {
    expect(check(er18, { P: publicEcr('ecr-public'), H: hub() })).toEqual([]);
    expect(check(er18, { R: publicEcr('ROOT'), T: publicEcr('team/cache/') })).toEqual([]);
    expect(check(er18, Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`C${i}`, publicEcr(`cache${i}`)])))).toEqual([]);
    expect(check(er18, { S: { Type: 'AWS::SecretsManager::Secret', Properties: { Name: 'ecr-pullthroughcache/hub' } }, C: hub({ CredentialArn: { Ref: 'S' } }) })).toEqual([]);
    // China and GovCloud partitions.
    expect(check(er18, { H: hub({ CredentialArn: 'arn:aws-cn:secretsmanager:cn-north-1:111111111111:secret:ecr-pullthroughcache/hub-AbCdEf' }) })).toEqual([]);
  });

  test('skipped: unresolved prefix, credential ARN and secret name; the same prefix in other accounts or in env-agnostic stacks', () => {
    expect(check(er18, { C: publicEcr({ Ref: 'Prefix' }), D: publicEcr({ Ref: 'Prefix' }) })).toEqual([]);
    expect(check(er18, { C: hub({ CredentialArn: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':secretsmanager:eu-west-1:111111111111:secret:dockerhub']] } }) })).toEqual([]);
    expect(check(er18, { S: { Type: 'AWS::SecretsManager::Secret', Properties: { Name: { Ref: 'Name' } } }, C: hub({ CredentialArn: { Ref: 'S' } }) })).toEqual([]);
    expect(check(er18, { C: hub({ UpstreamRegistry: { Ref: 'Upstream' }, CredentialArn: undefined }) })).toEqual([]);
    const other = assemblyOfStacks([
      { name: 'A', template: { Resources: { C: publicEcr('cache') } }, environment: ENV },
      { name: 'B', template: { Resources: { C: publicEcr('cache') } }, environment: { ...ENV, account: '222222222222' } },
      { name: 'C', template: { Resources: { C: publicEcr('cache') } } },
      { name: 'D', template: { Resources: { C: publicEcr('cache') } } },
    ]);
    expect(checkAssembly(er18, other)).toEqual([]);
  });

  test('L1 (plain aws-cdk-lib): CfnPullThroughCacheRule for Docker Hub without credentials and a duplicate prefix', () => {
    const stack = new Stack(new App(), 'L1', { env: ENV });
    new ecr.CfnPullThroughCacheRule(stack, 'Hub', { ecrRepositoryPrefix: 'hub', upstreamRegistry: 'docker-hub', upstreamRegistryUrl: 'registry-1.docker.io' });
    const secret = new secretsmanager.Secret(stack, 'Token', { secretName: 'dockerhub-token' });
    new ecr.CfnPullThroughCacheRule(stack, 'Hub2', {
      ecrRepositoryPrefix: 'hub', upstreamRegistry: 'docker-hub', upstreamRegistryUrl: 'registry-1.docker.io', credentialArn: secret.secretArn,
    });
    const findings = runRules(new AssemblyModel([{ name: 'L1', template: Template.fromStack(stack).toJSON(), environment: ENV }]), { rules: [er18] });
    // Template.fromStack keeps no aws:cdk:path metadata: resources are named by logical id.
    expect(findings.map((f) => f.message.replace(/ at .*/, '').replace(/Token[0-9A-F]{8}/, 'Token'))).toEqual([
      '[ECS-ER-18] upstream docker-hub requires authentication but the rule has no CredentialArn',
      '[ECS-ER-18] CredentialArn refers to secret L1/Token named "dockerhub-token", which does not start with ecr-pullthroughcache/',
      '[ECS-ER-18] EcrRepositoryPrefix "hub" is already used by pull-through cache rule L1/Hub of the same registry (111111111111/eu-west-1)',
    ]);
  });
});

describe('ECS-ER-19 registry scanning configuration', () => {
  const scanning = (scanType: unknown, frequencies: unknown[]) => ({
    Type: 'AWS::ECR::RegistryScanningConfiguration',
    Properties: { ScanType: scanType, Rules: frequencies.map((f, i) => ({ ScanFrequency: f, RepositoryFilters: [{ Filter: `team${i}/*`, FilterType: 'WILDCARD' }] })) },
  });

  test('bad: 3 rules', () => {
    const findings = check(er19, { S: scanning('ENHANCED', ['SCAN_ON_PUSH', 'CONTINUOUS_SCAN', 'SCAN_ON_PUSH']) });
    expect(findings.map((f) => [f.ruleId, f.severity, f.property, f.value])).toEqual([['ECS-ER-19', 'error', 'Properties/Rules', '"3 rules"']]);
    expect(findings[0].message).toBe('[ECS-ER-19] registry scanning configuration has 3 rules at TestStack/S; allowed: at most 2 rules. '
      + 'Merge rules with the same ScanFrequency into one rule with several repository filters (up to 100 each).');
  });

  test('bad: CONTINUOUS_SCAN with BASIC', () => {
    const findings = check(er19, { S: scanning('BASIC', ['SCAN_ON_PUSH', 'CONTINUOUS_SCAN']) });
    expect(findings.map((f) => [f.property, f.value])).toEqual([['Properties/Rules/1/ScanFrequency', '"CONTINUOUS_SCAN"']]);
    expect(findings[0].message).toBe('[ECS-ER-19] scanning rule #1 has ScanFrequency CONTINUOUS_SCAN with ScanType BASIC at TestStack/S; '
      + 'allowed: with BASIC: SCAN_ON_PUSH or MANUAL; CONTINUOUS_SCAN needs ENHANCED. '
      + 'Set ScanType ENHANCED (Amazon Inspector) for continuous scanning, or use ScanFrequency SCAN_ON_PUSH.');
  });

  test('good: 2 rules of ENHANCED, BASIC scan on push, no rules; skipped: unresolved scan type, frequency and rules', () => {
    expect(check(er19, { S: scanning('ENHANCED', ['SCAN_ON_PUSH', 'CONTINUOUS_SCAN']) })).toEqual([]);
    expect(check(er19, { S: scanning('BASIC', ['SCAN_ON_PUSH']) })).toEqual([]);
    expect(check(er19, { S: scanning('BASIC', []) })).toEqual([]);
    expect(check(er19, { S: scanning({ Ref: 'Type' }, ['CONTINUOUS_SCAN']) })).toEqual([]);
    expect(check(er19, { S: scanning('BASIC', [{ Ref: 'Frequency' }]) })).toEqual([]);
    expect(check(er19, { S: { Type: 'AWS::ECR::RegistryScanningConfiguration', Properties: { ScanType: 'BASIC', Rules: { Ref: 'Rules' } } } })).toEqual([]);
  });

  test('L1 (plain aws-cdk-lib): CfnRegistryScanningConfiguration with 3 rules', () => {
    const stack = new Stack(new App(), 'L1');
    new ecr.CfnRegistryScanningConfiguration(stack, 'Scan', {
      scanType: 'ENHANCED',
      rules: ['a/*', 'b/*', 'c/*'].map((filter) => ({ scanFrequency: 'SCAN_ON_PUSH', repositoryFilters: [{ filter, filterType: 'WILDCARD' }] })),
    });
    const findings = runRules(new AssemblyModel([{ name: 'L1', template: Template.fromStack(stack).toJSON() }]), { rules: [er19] });
    expect(findings.map((f) => f.ruleId)).toEqual(['ECS-ER-19']);
  });
});

describe('ECS-ER-20 one registry scanning and one replication configuration per registry', () => {
  const scanning = { Type: 'AWS::ECR::RegistryScanningConfiguration', Properties: { ScanType: 'ENHANCED', Rules: [] } };
  const replication = { Type: 'AWS::ECR::ReplicationConfiguration', Properties: { ReplicationConfiguration: { Rules: [] } } };

  test('bad: a second scanning configuration and a second replication configuration in one stack (warnings on the second)', () => {
    const findings = check(er20, { S1: scanning, S2: scanning, R1: replication, R2: replication });
    expect(findings.map((f) => [f.ruleId, f.severity, f.logicalId])).toEqual([['ECS-ER-20', 'warning', 'S2'], ['ECS-ER-20', 'warning', 'R2']]);
    expect(findings[0].message).toBe('[ECS-ER-20] a second registry scanning configuration for the registry (the same account and Region): TestStack/S1 already configures it at TestStack/S2; '
      + 'allowed: one registry scanning configuration per account and Region. Merge the rules of this registry scanning configuration into TestStack/S1 and remove this one.');
    expect(findings[1].message).toContain('a second replication configuration for the registry (the same account and Region): TestStack/R1 already configures it');
  });

  test('bad: in two env-agnostic stacks, or two stacks of the same account and Region', () => {
    const agnostic = assemblyOfStacks([
      { name: 'A', template: { Resources: { S: scanning } } },
      { name: 'B', template: { Resources: { S: scanning } } },
    ]);
    expect(checkAssembly(er20, agnostic).map((f) => f.stack)).toEqual(['B']);
    const same = assemblyOfStacks([
      { name: 'A', template: { Resources: { R: replication } }, environment: ENV },
      { name: 'B', template: { Resources: { R: replication } }, environment: ENV },
    ]);
    expect(checkAssembly(er20, same)[0].message).toContain('(111111111111/eu-west-1): A/R already configures it');
  });

  test('bad: the same pull-through cache prefix in two env-agnostic stacks (a trailing / is the same prefix); ECS-ER-18 keeps the certain case', () => {
    const agnostic = assemblyOfStacks([
      { name: 'TeamA', template: { Resources: { C: publicEcr('ecr-public') } } },
      { name: 'TeamB', template: { Resources: { C: publicEcr('ecr-public/'), D: publicEcr('other') } } },
    ]);
    const findings = checkAssembly(er20, agnostic);
    expect(findings.map((f) => [f.ruleId, f.severity, f.stack, f.logicalId])).toEqual([['ECS-ER-20', 'warning', 'TeamB', 'C']]);
    expect(findings[0].message).toBe('[ECS-ER-20] EcrRepositoryPrefix "ecr-public/" is also the prefix of pull-through cache rule TeamA/C, probably in the same registry '
      + '(the same account and Region): the second rule to deploy fails with PullThroughCacheRuleAlreadyExistsException at TeamB/C; '
      + 'allowed: one pull-through cache rule per prefix and registry. Give this rule another prefix, or create the rule once (in a shared stack) and use TeamA/C from this stack.');
    expect(checkAssembly(er18, agnostic)).toEqual([]);
    // One stack, or the same literal account and Region: ECS-ER-18's error, not this warning.
    expect(check(er20, { C: publicEcr('cache'), D: publicEcr('cache') })).toEqual([]);
    const same = assemblyOfStacks([
      { name: 'A', template: { Resources: { C: publicEcr('cache') } }, environment: ENV },
      { name: 'B', template: { Resources: { C: publicEcr('cache') } }, environment: ENV },
    ]);
    expect(checkAssembly(er20, same)).toEqual([]);
    expect(checkAssembly(er18, same)).toHaveLength(1);
  });

  test('good: one of each; one per Region or account', () => {
    expect(check(er20, { S: scanning, R: replication })).toEqual([]);
    const caches = assemblyOfStacks([
      { name: 'A', template: { Resources: { C: publicEcr('cache'), U: publicEcr({ Ref: 'Prefix' }) } }, environment: ENV },
      { name: 'B', template: { Resources: { C: publicEcr('cache'), U: publicEcr({ Ref: 'Prefix' }) } }, environment: { ...ENV, region: 'us-east-1' } },
      { name: 'C', template: { Resources: { C: publicEcr('cache') } }, environment: { ...ENV, account: '222222222222' } },
      { name: 'D', template: { Resources: { C: publicEcr('hub') } } },
      { name: 'E', template: { Resources: { C: publicEcr('ghcr') } } },
    ]);
    expect(checkAssembly(er20, caches)).toEqual([]);
    const regions = assemblyOfStacks([
      { name: 'A', template: { Resources: { S: scanning, R: replication } }, environment: ENV },
      { name: 'B', template: { Resources: { S: scanning, R: replication } }, environment: { ...ENV, region: 'us-east-1' } },
      { name: 'C', template: { Resources: { S: scanning, R: replication } }, environment: { ...ENV, account: '222222222222' } },
    ]);
    expect(checkAssembly(er20, regions)).toEqual([]);
  });
});
