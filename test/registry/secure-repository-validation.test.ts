import { App, Duration, Lazy, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as fc from 'fast-check';
import { SecureRepository, SecureRepositoryProps } from '../../src/registry';
import { ECR_LIMITS } from '../../src/rules/tables/ecr-limits';

function build(props: SecureRepositoryProps): SecureRepository {
  return new SecureRepository(new Stack(new App(), 'Stack'), 'Repo', props);
}

function synthErrors(props: SecureRepositoryProps): string {
  const stack = new Stack(new App(), 'Stack');
  new SecureRepository(stack, 'Repo', props);
  try {
    Template.fromStack(stack);
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

describe('construction-time errors', () => {
  test('ECS-ER-01 repository name, with path, allowed and fix', () => {
    expect(() => build({ repositoryName: 'My_Repo' })).toThrow(
      "[ECS-ER-01] repositoryName 'My_Repo' contains the characters \"M\" \"R\" (only lowercase letters, digits, . _ - and / are allowed) at Stack/Repo; allowed: 2-256 characters",
    );
    expect(() => build({ repositoryName: 'a' })).toThrow(/ECS-ER-01/);
    expect(() => build({ repositoryName: 'team/service-api' })).not.toThrow();
    expect(() => build({ repositoryName: Lazy.string({ produce: () => 'UPPER' }) })).not.toThrow();
  });

  test('ECS-ER-02 mutable tag filters: characters and count', () => {
    expect(() => build({ mutableTags: ['latest', 'v1+build'] })).toThrow("[ECS-ER-02] mutableTags entry 'v1+build' is not a valid tag filter at Stack/Repo");
    expect(() => build({ mutableTags: ['a', 'b', 'c', 'd', 'e', 'f'] })).toThrow('[ECS-ER-02] mutableTags has 6 entries');
    expect(() => build({ mutableTags: ['x'.repeat(129)] })).toThrow(/ECS-ER-02/);
  });

  test('ECS-ER-08 untaggedImageExpiration must be whole days >= 1', () => {
    expect(() => build({ untaggedImageExpiration: Duration.hours(36) })).toThrow(
      '[ECS-ER-08] untaggedImageExpiration 1 day 12 hours is not a whole number of days >= 1 at Stack/Repo',
    );
    expect(() => build({ untaggedImageExpiration: Duration.days(0) })).toThrow(/ECS-ER-08/);
    expect(() => build({ untaggedImageExpiration: Duration.hours(48) })).not.toThrow();
  });

  test('ECS-ER-08 maxTaggedImages must be a whole number >= 1', () => {
    expect(() => build({ maxTaggedImages: 0 })).toThrow('[ECS-ER-08] maxTaggedImages 0 is not a whole number >= 1 at Stack/Repo');
    expect(() => build({ maxTaggedImages: 2.5 })).toThrow(/ECS-ER-08/);
  });

  test('fast-check: N days and N images are accepted exactly when they are whole numbers >= 1', () => {
    fc.assert(fc.property(fc.integer({ min: -5, max: 5000 }), fc.integer({ min: -5, max: 20000 }), (days, images) => {
      const ok = days >= 1 && images >= 1;
      const run = () => build({ untaggedImageExpiration: Duration.days(Math.max(days, 0)), maxTaggedImages: images });
      if (ok) expect(run).not.toThrow();
      else expect(run).toThrow(/ECS-ER-08/);
    }), { numRuns: 60 });
  });

  test('lifecycleRules cannot be combined with the default-rule settings', () => {
    expect(() => build({ lifecycleRules: [{ maxImageCount: 5 }], maxTaggedImages: 3 })).toThrow(/KIT-REGISTRY-LIFECYCLE/);
  });

  test('the tag-status-any lifecycle rule must come last: at construction, with the path, not as a resolution error', () => {
    const expire = { rulePriority: 1, maxImageAge: Duration.days(30) };
    const keep = { rulePriority: 2, tagPrefixList: ['p'], maxImageCount: 5 };
    expect(() => build({ lifecycleRules: [expire, keep] })).toThrow('[KIT-REGISTRY-LIFECYCLE] the lifecycle rule for any tag status has rulePriority 1, '
      + 'not above rulePriority 2 of another rule at Stack/Repo; allowed: the tag-status-any rule evaluated last: a rulePriority higher than every '
      + 'other rule\'s, all of them set, or none on it. Give the tag-status-any rule rulePriority 3 or more, or leave its rulePriority unset.');
    expect(() => build({ lifecycleRules: [{ ...expire, rulePriority: 3 }, keep] })).not.toThrow();
    expect(() => build({ lifecycleRules: [{ maxImageAge: Duration.days(30) }, keep] })).not.toThrow();
    // addLifecycleRule is checked against the rules so far: here the defaults, which have no rulePriority.
    const repo = build({});
    expect(() => repo.addLifecycleRule({ rulePriority: 1, maxImageAge: Duration.days(30) })).toThrow('[KIT-REGISTRY-LIFECYCLE] the lifecycle rule '
      + 'for any tag status has rulePriority 1 while 2 other rule(s) have none at Stack/Repo');
    const prioritized = build({ lifecycleRules: [keep] });
    expect(() => prioritized.addLifecycleRule(expire)).toThrow(/has rulePriority 1, not above rulePriority 2 of another rule at Stack\/Repo[0-9]*;/);
    prioritized.addLifecycleRule({ rulePriority: 5, maxImageAge: Duration.days(30) });
    expect(() => Template.fromStack(Stack.of(prioritized))).not.toThrow();
  });

  test('organization and account ids', () => {
    const repo = build({});
    expect(() => repo.grantOrganizationPull('org-123')).toThrow("[KIT-REGISTRY-ORG-ID] organizationId 'org-123' is not an AWS Organizations id");
    expect(() => repo.grantOrganizationPull('o-abc123def45', { accountIds: ['1234'] })).toThrow(/KIT-REGISTRY-ACCOUNT-ID/);
  });

  test('image tags and digests', () => {
    const repo = build({});
    expect(() => repo.imageForTag('-bad')).toThrow("[KIT-REGISTRY-IMAGE-TAG] image tag '-bad' is not a valid tag");
    expect(() => repo.imageForDigest('sha256:abc')).toThrow(/KIT-REGISTRY-IMAGE-DIGEST/);
    expect(() => repo.imageForTag(Lazy.string({ produce: () => '-x' }))).not.toThrow();
  });
});

describe('synth-time lifecycle checks (engine rules ECS-ER-03, -08, -09 on the rendered policy)', () => {
  test('ECS-ER-03 duplicate rulePriority', () => {
    const message = synthErrors({
      lifecycleRules: [
        { rulePriority: 1, tagStatus: ecr.TagStatus.UNTAGGED, maxImageAge: Duration.days(1) },
        { rulePriority: 1, tagStatus: ecr.TagStatus.TAGGED, tagPrefixList: ['v'], maxImageCount: 10 },
      ],
    });
    expect(message).toMatch(/\[ECS-ER-03\][^\n]*rulePriority[^\n]*1[^\n]* at Stack\/Repo\/Resource/);
  });

  test('ECS-ER-08 countNumber 0 in a rule added to the wrapped ecr.Repository (the kit\'s own methods refuse it at construction)', () => {
    const stack = new Stack(new App(), 'Stack');
    new SecureRepository(stack, 'Repo').repository.addLifecycleRule({ tagStatus: ecr.TagStatus.UNTAGGED, maxImageCount: 0 });
    expect(() => Template.fromStack(stack)).toThrow(/\[ECS-ER-08\][^\n]*countNumber[^\n]* at Stack\/Repo\/Resource/);
    expect(() => build({ lifecycleRules: [{ tagStatus: ecr.TagStatus.UNTAGGED, maxImageCount: 0 }] })).toThrow(/\[ECS-ER-08\] lifecycleRules\[0\] maxImageCount 0/);
  });

  test(`ECS-ER-09 more than ${ECR_LIMITS.lifecycleRulesPerPolicy} rules`, () => {
    const rules = Array.from({ length: ECR_LIMITS.lifecycleRulesPerPolicy + 1 }, (_, i) => ({
      tagStatus: ecr.TagStatus.TAGGED, tagPrefixList: [`p${i}`], maxImageCount: 5,
    }));
    expect(synthErrors({ lifecycleRules: rules })).toMatch(/\[ECS-ER-09\][^\n]*51[^\n]* at Stack\/Repo\/Resource/);
    expect(synthErrors({ lifecycleRules: rules.slice(1) })).toBe('');
  });

  test(`ECS-ER-09 policy text over ${ECR_LIMITS.lifecyclePolicyLength} characters`, () => {
    const rules = Array.from({ length: 40 }, (_, i) => ({
      description: `${i}`.padEnd(800, 'd'), tagStatus: ecr.TagStatus.TAGGED, tagPrefixList: [`p${i}`], maxImageCount: 5,
    }));
    expect(synthErrors({ lifecycleRules: rules })).toMatch(/\[ECS-ER-09\][^\n]*30,?720/);
  });

  test('the default policy passes', () => {
    expect(synthErrors({})).toBe('');
  });
});

test('KIT-REGISTRY-GRANTEE: only a role, user or group of the account has a managed policy', () => {
  const repo = build({});
  expect(() => repo.pullPolicy(new iam.ServicePrincipal('ecs-tasks.amazonaws.com')))
    .toThrow(/\[KIT-REGISTRY-GRANTEE\] grantee .* has no managed policy in this account at Stack\/Repo; allowed: a role, user or group of the repository's account\. Use grantPull/);
});
