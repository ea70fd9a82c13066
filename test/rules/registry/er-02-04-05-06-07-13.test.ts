import { ER02_TAG_MUTABILITY_EXCLUSIONS as er02 } from '../../../src/rules/registry/er-02-tag-mutability-exclusions';
import { ER04_ANY_RULE_LAST as er04 } from '../../../src/rules/registry/er-04-any-rule-last';
import { ER05_TAG_SELECTION as er05 } from '../../../src/rules/registry/er-05-tag-selection';
import { ER06_TAG_PATTERN_WILDCARDS as er06 } from '../../../src/rules/registry/er-06-tag-pattern-wildcards';
import { ER07_COUNT_TYPE as er07 } from '../../../src/rules/registry/er-07-count-type';
import { ER13_POLICY_RESOURCE_STATEMENTS as er13 } from '../../../src/rules/registry/er-13-policy-resource-statements';
import { check } from '../helpers';
import { TOKEN } from '../task/fixtures';

const repo = (props: Record<string, unknown>) => ({ Type: 'AWS::ECR::Repository', Properties: props });
const policy = (...rules: Record<string, unknown>[]) => repo({ LifecyclePolicy: { LifecyclePolicyText: JSON.stringify({ rules: rules.map((r, i) => ({ rulePriority: i + 1, action: { type: 'expire' }, ...r })) }) } });
const sel = (selection: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ selection: { countType: 'imageCountMoreThan', countNumber: 10, ...selection }, ...extra });

describe('ECS-ER-02 tag mutability exclusion filters', () => {
  const filter = (v: string, t = 'WILDCARD') => ({ ImageTagMutabilityExclusionFilterType: t, ImageTagMutabilityExclusionFilterValue: v });
  test('bad: filters with IMMUTABLE; none with _WITH_EXCLUSION; bad characters', () => {
    expect(check(er02, { R: repo({ ImageTagMutability: 'IMMUTABLE', ImageTagMutabilityExclusionFilters: [filter('latest')] }) })[0]).toMatchObject({ ruleId: 'ECS-ER-02' });
    expect(check(er02, { R: repo({ ImageTagMutability: 'IMMUTABLE_WITH_EXCLUSION' }) })[0].message).toContain('with 0 exclusion filters');
    expect(check(er02, { R: repo({ ImageTagMutability: 'IMMUTABLE_WITH_EXCLUSION', ImageTagMutabilityExclusionFilters: [filter('dev/*')] }) })).toHaveLength(1);
  });
  test('good: IMMUTABLE_WITH_EXCLUSION with latest and dev-*; plain MUTABLE', () => {
    expect(check(er02, { R: repo({ ImageTagMutability: 'IMMUTABLE_WITH_EXCLUSION', ImageTagMutabilityExclusionFilters: [filter('latest'), filter('dev-*')] }) })).toEqual([]);
    expect(check(er02, { R: repo({}) })).toEqual([]);
  });
  test('skipped: token mutability', () => expect(check(er02, { R: repo({ ImageTagMutability: TOKEN, ImageTagMutabilityExclusionFilters: [filter('x')] }) })).toEqual([]));
});

describe('ECS-ER-04 any rule last', () => {
  test('bad: any rule before a tagged rule', () => {
    const [f] = check(er04, { R: policy(sel({ tagStatus: 'any' }), sel({ tagStatus: 'tagged', tagPrefixList: ['v'] })) });
    expect(f).toMatchObject({ ruleId: 'ECS-ER-04' });
    expect(f.message).toContain('has tagStatus any but not the highest rulePriority (2)');
  });
  test('good: any rule last', () => expect(check(er04, { R: policy(sel({ tagStatus: 'untagged' }), sel({ tagStatus: 'any' })) })).toEqual([]));
  test('skipped: policy text not literal', () => expect(check(er04, { R: repo({ LifecyclePolicy: { LifecyclePolicyText: { Ref: 'P' } } }) })).toEqual([]));
});

describe('ECS-ER-05 tag selection', () => {
  test('bad: tagged without lists; both lists; untagged with a prefix list', () => {
    expect(check(er05, { R: policy(sel({ tagStatus: 'tagged' })) })[0].message).toContain('without tagPrefixList or tagPatternList');
    expect(check(er05, { R: policy(sel({ tagStatus: 'tagged', tagPrefixList: ['v'], tagPatternList: ['v*'] })) })).toHaveLength(1);
    expect(check(er05, { R: policy(sel({ tagStatus: 'untagged', tagPrefixList: ['v'] })) })[0]).toMatchObject({ ruleId: 'ECS-ER-05' });
  });
  test('good: tagged with patterns; untagged alone', () => {
    expect(check(er05, { R: policy(sel({ tagStatus: 'tagged', tagPatternList: ['prod*'] }), sel({ tagStatus: 'untagged' })) })).toEqual([]);
  });
  test('skipped: policy is an intrinsic', () => expect(check(er05, { R: repo({ LifecyclePolicy: { LifecyclePolicyText: { 'Fn::Sub': '${P}' } } }) })).toEqual([]));
  test('bad: selection without tagStatus', () => {
    const [f] = check(er05, { R: policy({ selection: { countType: 'imageCountMoreThan', countNumber: 10 } }) });
    expect(f).toMatchObject({ ruleId: 'ECS-ER-05', property: 'Properties/LifecyclePolicy/LifecyclePolicyText' });
    expect(f.message).toBe('[ECS-ER-05] lifecycle rule #0 (rulePriority 1) has no tagStatus at TestStack/R; allowed: tagStatus exactly tagged, untagged or any (lower case). '
      + 'Set tagStatus of rule #0 to "untagged", "any", or "tagged" with a tagPrefixList or tagPatternList.');
  });
  test('bad: tagStatus not exactly tagged, untagged or any (ECR values are lower case)', () => {
    const [upper] = check(er05, { R: policy(sel({ tagStatus: 'Tagged', tagPrefixList: ['v'] })) });
    expect(upper.message).toBe('[ECS-ER-05] lifecycle rule #0 (rulePriority 1) has tagStatus "Tagged", which is not tagged, untagged or any at TestStack/R; '
      + 'allowed: tagStatus exactly tagged, untagged or any (lower case). Write tagStatus of rule #0 in lower case: "tagged".');
    const [other] = check(er05, { R: policy(sel({ tagStatus: 'untagged' }), sel({ tagStatus: 'all' })) });
    expect(other.message).toBe('[ECS-ER-05] lifecycle rule #1 (rulePriority 2) has tagStatus "all", which is not tagged, untagged or any at TestStack/R; '
      + 'allowed: tagStatus exactly tagged, untagged or any (lower case). Set tagStatus of rule #1 to "untagged", "any", or "tagged" with a tagPrefixList or tagPatternList.');
    for (const v of ['ANY', ' any', 'untagged ', 1, null, ['any']]) expect(check(er05, { R: policy(sel({ tagStatus: v })) })).toHaveLength(1);
  });
  test('good: each documented tagStatus, exactly as written', () => {
    expect(check(er05, { R: policy(sel({ tagStatus: 'tagged', tagPrefixList: ['v'] }), sel({ tagStatus: 'untagged' }), sel({ tagStatus: 'any' })) })).toEqual([]);
  });
});

describe('ECS-ER-06 tag pattern wildcards', () => {
  test('bad: five wildcards', () => expect(check(er06, { R: policy(sel({ tagStatus: 'tagged', tagPatternList: ['*a*b*c*d*'] })) })[0]).toMatchObject({ ruleId: 'ECS-ER-06' }));
  test('good: four', () => expect(check(er06, { R: policy(sel({ tagStatus: 'tagged', tagPatternList: ['*a*b*c*'] })) })).toEqual([]));
  test('skipped: not JSON', () => expect(check(er06, { R: repo({ LifecyclePolicy: { LifecyclePolicyText: TOKEN } }) })).toEqual([]));
});

describe('ECS-ER-07 count type', () => {
  test('bad: countUnit with imageCountMoreThan; sinceImagePushed without days; no countType', () => {
    expect(check(er07, { R: policy(sel({ tagStatus: 'untagged', countUnit: 'days' })) })[0]).toMatchObject({ ruleId: 'ECS-ER-07' });
    expect(check(er07, { R: policy(sel({ tagStatus: 'untagged', countType: 'sinceImagePushed' })) })[0].message).toContain('uses countType sinceImagePushed without countUnit at');
    expect(check(er07, { R: policy({ selection: { tagStatus: 'untagged', countNumber: 1 } }) })[0].message).toContain('has no countType');
    expect(check(er07, { R: policy(sel({ tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'hours' })) })[0].message).toContain('with countUnit "hours" at');
  });
  test('good: both forms; a newer count type is left alone', () => {
    expect(check(er07, { R: policy(sel({ tagStatus: 'untagged' }), sel({ tagStatus: 'any', countType: 'sinceImagePushed', countUnit: 'days' })) })).toEqual([]);
    expect(check(er07, { R: policy(sel({ tagStatus: 'any', countType: 'sinceImagePulled', countUnit: 'days' })) })).toEqual([]);
  });
  test('skipped: unresolved text', () => expect(check(er07, { R: repo({ LifecyclePolicy: { LifecyclePolicyText: { Ref: 'P' } } }) })).toEqual([]));
  test('bad: a countType that is not documented (typo sinceImagePush, wrong case, unknown)', () => {
    const [typo] = check(er07, { R: policy(sel({ tagStatus: 'any', countType: 'sinceImagePush', countUnit: 'days' })) });
    expect(typo).toMatchObject({ ruleId: 'ECS-ER-07', property: 'Properties/LifecyclePolicy/LifecyclePolicyText' });
    expect(typo.message).toBe('[ECS-ER-07] lifecycle rule #0 (rulePriority 1) has countType "sinceImagePush", which is not a documented count type at TestStack/R; '
      + 'allowed: countType imageCountMoreThan, sinceImagePushed, sinceImagePulled or sinceImageTransitioned (exact spelling). '
      + 'Set countType of rule #0 to "sinceImagePushed" (the documented spelling).');
    expect(check(er07, { R: policy(sel({ tagStatus: 'any', countType: 'ImageCountMoreThan' })) })[0].message).toContain('Set countType of rule #0 to "imageCountMoreThan" (the documented spelling).');
    expect(check(er07, { R: policy(sel({ tagStatus: 'any', countType: 'olderThan' })) })[0].message)
      .toContain('Set countType of rule #0 to one of imageCountMoreThan, sinceImagePushed, sinceImagePulled or sinceImageTransitioned.');
    expect(check(er07, { R: policy(sel({ tagStatus: 'any', countType: 3 })) })).toHaveLength(1);
  });
  test('good: all four documented count types', () => {
    const types = ['imageCountMoreThan', 'sinceImagePushed', 'sinceImagePulled', 'sinceImageTransitioned'];
    const rules = types.map((countType) => sel({ tagStatus: 'untagged', countType, ...(countType === 'imageCountMoreThan' ? {} : { countUnit: 'days' }) }));
    expect(check(er07, { R: policy(...rules) })).toEqual([]);
  });
});

describe('ECS-ER-13 repository policy without Resource', () => {
  const statement = (extra: Record<string, unknown> = {}) => ({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::1:root' }, Action: ['ecr:BatchGetImage'], ...extra });
  test('bad: Resource in an object policy and in a JSON string policy', () => {
    const [f] = check(er13, { R: repo({ RepositoryPolicyText: { Version: '2012-10-17', Statement: [statement({ Resource: '*' })] } }) });
    expect(f).toMatchObject({ ruleId: 'ECS-ER-13', property: 'Properties/RepositoryPolicyText/Statement/0/Resource' });
    expect(check(er13, { R: repo({ RepositoryPolicyText: JSON.stringify({ Statement: statement({ Resource: '*' }) }) }) })).toHaveLength(1);
  });
  test('good: statements without Resource', () => expect(check(er13, { R: repo({ RepositoryPolicyText: { Statement: [statement()] } }) })).toEqual([]));
  test('skipped: unresolved policy', () => expect(check(er13, { R: repo({ RepositoryPolicyText: { 'Fn::If': ['C', { Statement: [statement({ Resource: '*' })] }, {}] } }) })).toEqual([]));
});
