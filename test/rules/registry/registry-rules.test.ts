import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as fc from 'fast-check';
import { QuotaProfile } from '../../../src/quotas/quota-profile';
import { runRules } from '../../../src/rules/engine';
import { AssemblyModel } from '../../../src/rules/model';
import { ER03_UNIQUE_RULE_PRIORITY as er03 } from '../../../src/rules/registry/er-03-unique-rule-priority';
import { ER08_COUNT_NUMBER as er08 } from '../../../src/rules/registry/er-08-count-number';
import { ER09_LIFECYCLE_LIMITS as er09 } from '../../../src/rules/registry/er-09-lifecycle-limits';
import { ER14_SCAN_ON_PUSH_IGNORED as er14 } from '../../../src/rules/registry/er-14-scan-on-push-ignored';
import { ER15_REPLICATION_LIMITS as er15 } from '../../../src/rules/registry/er-15-replication-limits';
import { assemblyOfStacks, check, checkAssembly } from '../helpers';

const POLICY = 'Properties/LifecyclePolicy/LifecyclePolicyText';
const rule = (priority: unknown, countNumber: unknown = 5) => ({
  rulePriority: priority,
  selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber },
  action: { type: 'expire' },
});
const repo = (text: unknown, props: Record<string, unknown> = {}) => ({
  Type: 'AWS::ECR::Repository',
  Properties: { LifecyclePolicy: { LifecyclePolicyText: text }, ...props },
});
const policy = (rules: unknown[]) => JSON.stringify({ rules });

describe('ECS-ER-03 unique rulePriority', () => {
  test('bad: two rules with priority 1, and a priority 0', () => {
    const findings = check(er03, { R: repo(policy([rule(1), rule(1), rule(0)])) });
    expect(findings.map((f) => [f.ruleId, f.severity, f.property])).toEqual([
      ['ECS-ER-03', 'error', POLICY], ['ECS-ER-03', 'error', POLICY],
    ]);
    expect(findings[0].message).toContain('lifecycle rule #1 repeats rulePriority 1 of rule #0');
    expect(findings[0].message).toContain('Give rule #1 an unused rulePriority such as 2');
    expect(findings[1].message).toContain('rulePriority 0');
  });

  test('L2: Repository with duplicate rulePriority through addPropertyOverride', () => {
    const stack = new Stack(new App(), 'Reg');
    const r = new ecr.Repository(stack, 'Repo', { lifecycleRules: [{ rulePriority: 1, maxImageCount: 10 }] });
    (r.node.defaultChild as ecr.CfnRepository).addPropertyOverride('LifecyclePolicy.LifecyclePolicyText', policy([rule(1, 10), rule(1, 20)]));
    const findings = runRules(new AssemblyModel([{ name: 'Reg', template: Template.fromStack(stack).toJSON() }]), { rules: [er03, er08, er09] });
    expect(findings.map((f) => f.ruleId)).toEqual(['ECS-ER-03']);
  });

  test('good: distinct priorities (also from a real L2 policy); skipped: unresolved text, not JSON', () => {
    expect(check(er03, { R: repo(policy([rule(1), rule(2)])) })).toHaveLength(0);
    const stack = new Stack(new App(), 'Reg');
    new ecr.Repository(stack, 'Repo', { lifecycleRules: [{ rulePriority: 1, tagPrefixList: ['v'], maxImageCount: 5 }, { rulePriority: 2, maxImageCount: 50 }] });
    expect(runRules(new AssemblyModel([{ name: 'Reg', template: Template.fromStack(stack).toJSON() }]), { rules: [er03, er08, er09] })).toHaveLength(0);
    expect(check(er03, { R: repo({ 'Fn::Sub': ['{"rules":[${R}]}', { R: { Ref: 'P' } }] }) })).toHaveLength(0);
    expect(check(er03, { R: repo('{not json') })).toHaveLength(0);
  });
});

describe('ECS-ER-08 countNumber >= 1', () => {
  test('bad: countNumber 0', () => {
    const [f] = check(er08, { R: repo(policy([rule(1, 0)])) });
    expect(f).toMatchObject({ ruleId: 'ECS-ER-08', severity: 'error', property: POLICY, value: '0' });
    expect(f.message).toContain('lifecycle rule #0 (rulePriority 1) has selection.countNumber 0');
  });

  test('property: whole numbers >= 1 pass, others fail', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 100000 }), (n) => check(er08, { R: repo(policy([rule(1, n)])) }).length === 0));
    fc.assert(fc.property(fc.oneof(fc.integer({ max: 0 }), fc.constant(1.5), fc.constant('3')), (n) => check(er08, { R: repo(policy([rule(1, n)])) }).length === 1));
  });

  test('skipped: token text', () => {
    expect(check(er08, { R: repo('${Token[TOKEN.44]}') })).toHaveLength(0);
  });
});

describe('ECS-ER-09 lifecycle limits', () => {
  test('bad: 51 rules and a text longer than the quota', () => {
    const many = Array.from({ length: 51 }, (_, i) => rule(i + 1));
    const [f] = check(er09, { R: repo(policy(many)) });
    expect(f).toMatchObject({ ruleId: 'ECS-ER-09', severity: 'error', property: POLICY });
    expect(f.message).toContain('lifecycle policy has 51 rules');
    expect(f.message).toContain('allowed: at most 50 rules per lifecycle policy');
    const long = policy([{ ...rule(1), description: 'x'.repeat(31000) }]);
    expect(check(er09, { R: repo(long) })[0].message).toContain(`LifecyclePolicyText is ${long.length} characters long`);
  });

  test('good: 50 rules; quota overrides apply; skipped: unresolved', () => {
    const fifty = policy(Array.from({ length: 50 }, (_, i) => rule(i + 1)));
    expect(check(er09, { R: repo(fifty) })).toHaveLength(0);
    const strict = QuotaProfile.current().withOverrides({ ecrLifecycleRulesPerPolicy: 10 });
    expect(check(er09, { R: repo(fifty) }, strict)).toHaveLength(1);
    expect(check(er09, { R: repo({ Ref: 'Policy' }) })).toHaveLength(0);
  });
});

describe('ECS-ER-14 scanOnPush ignored under enhanced scanning', () => {
  const scanRepo = (v: unknown) => ({ Type: 'AWS::ECR::Repository', Properties: { ImageScanningConfiguration: { ScanOnPush: v } } });
  const registry = (type: string) => ({ Type: 'AWS::ECR::RegistryScanningConfiguration', Properties: { ScanType: type, Rules: [] } });

  test('bad: warning when the same stack sets ENHANCED scanning', () => {
    const [f] = check(er14, { R: scanRepo(true), Scan: registry('ENHANCED') });
    expect(f).toMatchObject({ ruleId: 'ECS-ER-14', severity: 'warning', property: 'Properties/ImageScanningConfiguration/ScanOnPush' });
    expect(f.message).toContain('registry scanning configuration TestStack/Scan uses ENHANCED scanning');
  });

  test('the fix keeps ScanOnPush for Control Tower CT.ECR.PR.2 and acknowledges the warning; it never says to remove it', () => {
    const [f] = check(er14, { R: scanRepo(true), Scan: registry('ENHANCED') });
    expect(f.message).toBe('[ECS-ER-14] repository sets ScanOnPush true but registry scanning configuration TestStack/Scan uses ENHANCED scanning at TestStack/R; '
      + 'allowed: ScanOnPush true kept as an acknowledged no-op under ENHANCED registry scanning (Control Tower CT.ECR.PR.2 requires it); the registry scanning rules decide what is scanned. '
      + 'Keep ScanOnPush true (Control Tower CT.ECR.PR.2 requires it), make sure a rule of TestStack/Scan matches this repository, and acknowledge the warning: '
      + "Validations.of(repository).acknowledge({ id: 'ECS-ER-14', reason: 'scan on push kept for CT.ECR.PR.2; ENHANCED registry scanning decides' }).");
    for (const text of [f.message, er14.fix]) expect(text).not.toMatch(/\b(remove|drop|disable)\b/i);
    expect(er14.fix).toContain('CT.ECR.PR.2');
  });

  test('good: BASIC registry, scanOnPush off, other Region; skipped: token flag', () => {
    expect(check(er14, { R: scanRepo(true), Scan: registry('BASIC') })).toHaveLength(0);
    expect(check(er14, { R: scanRepo(false), Scan: registry('ENHANCED') })).toHaveLength(0);
    expect(check(er14, { R: scanRepo({ Ref: 'Scan' }), Scan: registry('ENHANCED') })).toHaveLength(0);
    const other = assemblyOfStacks([
      { name: 'A', template: { Resources: { R: scanRepo(true) } }, environment: { account: '111111111111', region: 'eu-west-1' } },
      { name: 'B', template: { Resources: { S: registry('ENHANCED') } }, environment: { account: '111111111111', region: 'us-east-1' } },
    ]);
    expect(checkAssembly(er14, other)).toHaveLength(0);
  });
});

describe('ECS-ER-15 replication limits', () => {
  const dest = (i: number) => ({ Region: `region-${i}`, RegistryId: String(100000000000 + i) });
  const replication = (rules: unknown) => ({ Type: 'AWS::ECR::ReplicationConfiguration', Properties: { ReplicationConfiguration: { Rules: rules } } });
  const filters = (n: number) => Array.from({ length: n }, (_, i) => ({ Filter: `team${i}/`, FilterType: 'PREFIX_MATCH' }));

  // Limits: ECR API reference, ReplicationConfiguration.rules max 25
  // (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_ReplicationConfiguration.html) and
  // ReplicationRule.destinations / repositoryFilters max 100
  // (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_ReplicationRule.html); the CloudFormation schema
  // bundled with aws-cdk-lib 2.276 reports F3032 at 26 rules, 101 destinations and 101 filters.
  test('bad: 26 rules, 101 destinations and 101 filters in one rule', () => {
    const rules = Array.from({ length: 26 }, (_, r) => ({
      Destinations: Array.from({ length: r === 1 ? 101 : 1 }, (_d, k) => dest(k)),
      RepositoryFilters: r === 0 ? filters(101) : filters(1),
    }));
    const findings = check(er15, { Rep: replication(rules) });
    expect(findings.map((f) => [f.ruleId, f.severity, f.property])).toEqual([
      ['ECS-ER-15', 'error', 'Properties/ReplicationConfiguration/Rules'],
      ['ECS-ER-15', 'error', 'Properties/ReplicationConfiguration/Rules/0/RepositoryFilters'],
      ['ECS-ER-15', 'error', 'Properties/ReplicationConfiguration/Rules/1/Destinations'],
    ]);
    expect(findings[0].message).toContain('replication configuration has 26 rules');
    expect(findings[0].message).toContain('allowed: at most 25 rules');
    expect(findings[2].message).toContain('replication rule #1 has 101 destinations');
    expect(findings[2].message).toContain('allowed: at most 100 destinations per rule');
  });

  // RepositoryFilter: filterType "Valid Values: PREFIX_MATCH", filter pattern ^(?:[a-z0-9]+(?:[._-][a-z0-9]*)*/)*[a-z0-9]*(?:[._-][a-z0-9]*)*$
  // of 2-256 characters (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_RepositoryFilter.html); ReplicationDestination:
  // registryId "Pattern: [0-9]{12}" (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_ReplicationDestination.html).
  test('bad: a WILDCARD filter, an uppercase prefix, a one-character prefix, a registry id that is not 12 digits', () => {
    const findings = check(er15, {
      Rep: replication([{
        Destinations: [dest(1), { Region: 'eu-west-1', RegistryId: '12345' }],
        RepositoryFilters: [{ Filter: 'team/*', FilterType: 'WILDCARD' }, { Filter: 'Prod/', FilterType: 'PREFIX_MATCH' }, { Filter: 'a', FilterType: 'PREFIX_MATCH' }],
      }]),
    });
    expect(findings.map((f) => [f.ruleId, f.severity, f.property])).toEqual([
      ['ECS-ER-15', 'error', 'Properties/ReplicationConfiguration/Rules/0/RepositoryFilters/0/FilterType'],
      ['ECS-ER-15', 'error', 'Properties/ReplicationConfiguration/Rules/0/RepositoryFilters/0/Filter'],
      ['ECS-ER-15', 'error', 'Properties/ReplicationConfiguration/Rules/0/RepositoryFilters/1/Filter'],
      ['ECS-ER-15', 'error', 'Properties/ReplicationConfiguration/Rules/0/RepositoryFilters/2/Filter'],
      ['ECS-ER-15', 'error', 'Properties/ReplicationConfiguration/Rules/0/Destinations/1/RegistryId'],
    ]);
    expect(findings[0].message).toBe('[ECS-ER-15] replication rule #0 has a repository filter of FilterType "WILDCARD" at TestStack/Rep; '
      + 'allowed: PREFIX_MATCH (the only valid value). Use FilterType PREFIX_MATCH with a repository name prefix; replication filters have no wildcards.');
    expect(findings[2].message).toBe('[ECS-ER-15] replication rule #0 has repository filter "Prod/", not a valid repository name prefix at TestStack/Rep; '
      + 'allowed: a repository name prefix of 2-256 lowercase letters, digits, ., _, - and /, matching ^(?:[a-z0-9]+(?:[._-][a-z0-9]*)*/)*[a-z0-9]*(?:[._-][a-z0-9]*)*$. '
      + 'Use "prod/": repository names are lowercase.');
    expect(findings[3].message).toContain('Use a lowercase repository name prefix such as team/ or prod-, at least 2 characters.');
    expect(findings[4].message).toBe('[ECS-ER-15] replication rule #0 destination #1 has RegistryId "12345", not an AWS account id at TestStack/Rep; '
      + 'allowed: 12 digits (^[0-9]{12}$). Use the 12-digit id of the destination account (your own for cross-Region replication).');
  });

  test('good: PREFIX_MATCH filters of lowercase prefixes and 12-digit registry ids; skipped: unresolved filter, type and registry id', () => {
    expect(check(er15, { Rep: replication([{ Destinations: [dest(1)], RepositoryFilters: [{ Filter: 'team-a/', FilterType: 'PREFIX_MATCH' }, { Filter: 'prod', FilterType: 'PREFIX_MATCH' }] }]) })).toHaveLength(0);
    expect(check(er15, {
      Rep: replication([{
        Destinations: [{ Region: 'eu-west-1', RegistryId: { Ref: 'AWS::AccountId' } }],
        RepositoryFilters: [{ Filter: { Ref: 'Prefix' }, FilterType: { Ref: 'Type' } }],
      }]),
    })).toHaveLength(0);
  });

  test('good: the current limits exactly (25 rules of 100 destinations and 100 filters); skipped: unresolved rules', () => {
    const full = Array.from({ length: 25 }, () => ({
      Destinations: Array.from({ length: 100 }, (_, i) => dest(i)), RepositoryFilters: filters(100),
    }));
    expect(check(er15, { Rep: replication(full) })).toHaveLength(0);
    const tokens = [{ Destinations: Array.from({ length: 30 }, () => ({ Region: { Ref: 'AWS::Region' }, RegistryId: { Ref: 'AWS::AccountId' } })) }];
    expect(check(er15, { Rep: replication(tokens) })).toHaveLength(0);
    expect(check(er15, { Rep: replication({ 'Fn::If': ['C', [], []] }) })).toHaveLength(0);
  });
});
