/**
 * SecureRepository's lifecycle rules: the defaults, and the checks aws-cdk-lib makes only while rendering (as a
 * "Resolution error" without a path) or not at all.
 */
import { Duration, Token } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import { SecureRepositoryProps } from './secure-repository-props';
import { fail } from '../errors';
import { requireSynthValue } from '../internal/synth-values';
import { ECR_LIFECYCLE_MIN_COUNT_NUMBER } from '../rules/tables/ecr-limits';

/** Why lifecycle settings must be known at synth (KIT-SYNTH-VALUE). */
const LIFECYCLE_WHY = 'the kit writes it into the lifecycle policy, JSON text in which CloudFormation resolves nothing';

/** The rules a SecureRepository starts with: `lifecycleRules`, else the two defaults; checked at construction. */
export function initialLifecycleRules(path: string, props: SecureRepositoryProps): ecr.LifecycleRule[] {
  if (props.lifecycleRules) {
    if (props.untaggedImageExpiration !== undefined || props.maxTaggedImages !== undefined) {
      fail({
        code: 'KIT-REGISTRY-LIFECYCLE',
        problem: 'lifecycleRules was given together with untaggedImageExpiration or maxTaggedImages',
        path,
        allowed: 'either lifecycleRules, or the two default-rule settings',
        fix: 'Put the expiry and count rules into lifecycleRules.',
      });
    }
    props.lifecycleRules.forEach((r, i) => checkRuleCount(path, r, `lifecycleRules[${i}]`));
    checkAnyRuleLast(path, props.lifecycleRules);
    return props.lifecycleRules;
  }
  const days = props.untaggedImageExpiration ?? Duration.days(14);
  const count = props.maxTaggedImages ?? 100;
  // ECR reads the lifecycle policy as JSON text: CloudFormation resolves nothing inside it.
  requireSynthValue(path, 'untaggedImageExpiration', days, LIFECYCLE_WHY);
  requireSynthValue(path, 'maxTaggedImages', count, LIFECYCLE_WHY);
  if (!Token.isUnresolved(days.toSeconds())) {
    const exact = days.toSeconds() / 86_400;
    if (!Number.isInteger(exact) || exact < ECR_LIFECYCLE_MIN_COUNT_NUMBER) {
      fail({
        code: 'ECS-ER-08',
        problem: `untaggedImageExpiration ${days.toHumanString()} is not a whole number of days >= 1`,
        path,
        allowed: 'Duration.days(n) with a whole n >= 1',
        fix: 'Use Duration.days(1) or more.',
      });
    }
  }
  if (!Token.isUnresolved(count) && (!Number.isInteger(count) || count < ECR_LIFECYCLE_MIN_COUNT_NUMBER)) {
    fail({
      code: 'ECS-ER-08',
      problem: `maxTaggedImages ${count} is not a whole number >= 1`,
      path,
      allowed: 'whole numbers >= 1',
      fix: 'Keep at least 1 tagged image.',
    });
  }
  return [
    { description: 'Expire untagged images', tagStatus: ecr.TagStatus.UNTAGGED, maxImageAge: days },
    { description: `Keep the last ${count} tagged images`, tagStatus: ecr.TagStatus.TAGGED, tagPatternList: ['*'], maxImageCount: count },
  ];
}

/**
 * A rule's age in whole days >= 1 and count >= 1 (ECS-ER-08): aws-cdk-lib throws on a part day only while rendering, as a
 * "Resolution error" without a path.
 */
export function checkRuleCount(path: string, rule: ecr.LifecycleRule, where: string): void {
  const age = rule.maxImageAge;
  if (age !== undefined && !Token.isUnresolved(age.toSeconds())) {
    const days = age.toSeconds() / 86_400;
    if (!Number.isInteger(days) || days < ECR_LIFECYCLE_MIN_COUNT_NUMBER) {
      fail({
        code: 'ECS-ER-08',
        problem: `${where} maxImageAge ${age.toHumanString()} is not a whole number of days >= 1`,
        path,
        allowed: 'Duration.days(n) with a whole n >= 1',
        fix: `Use Duration.days(${Math.max(ECR_LIFECYCLE_MIN_COUNT_NUMBER, Math.round(days))}) or another whole number of days.`,
      });
    }
  }
  const count = rule.maxImageCount;
  if (count !== undefined && !Token.isUnresolved(count) && (!Number.isInteger(count) || count < ECR_LIFECYCLE_MIN_COUNT_NUMBER)) {
    fail({
      code: 'ECS-ER-08',
      problem: `${where} maxImageCount ${count} is not a whole number >= 1`,
      path,
      allowed: 'whole numbers >= 1',
      fix: 'Keep at least 1 image.',
    });
  }
}

/** aws-cdk-lib throws these only while rendering, as a "Resolution error" without a path. */
export function checkAnyRuleLast(path: string, rules: readonly ecr.LifecycleRule[]): void {
  const any = rules.find((r) => tagStatusOf(r) === ecr.TagStatus.ANY && r.rulePriority !== undefined);
  if (!any) return;
  const others = rules.filter((r) => tagStatusOf(r) !== ecr.TagStatus.ANY);
  const unprioritized = others.filter((r) => r.rulePriority === undefined).length;
  const highest = Math.max(0, ...others.map((r) => r.rulePriority ?? 0));
  if (unprioritized === 0 && any.rulePriority! > highest) return;
  fail({
    code: 'KIT-REGISTRY-LIFECYCLE',
    problem: unprioritized > 0
      ? `the lifecycle rule for any tag status has rulePriority ${any.rulePriority} while ${unprioritized} other rule(s) have none`
      : `the lifecycle rule for any tag status has rulePriority ${any.rulePriority}, not above rulePriority ${highest} of another rule`,
    path,
    allowed: 'the tag-status-any rule evaluated last: a rulePriority higher than every other rule\'s, all of them set, or none on it',
    fix: unprioritized > 0 ? 'Leave the tag-status-any rule\'s rulePriority unset (it then comes last), or set rulePriority on every rule.'
      : `Give the tag-status-any rule rulePriority ${highest + 1} or more, or leave its rulePriority unset.`,
  });
}


/** A lifecycle rule's tag status as aws-cdk-lib renders it: TAGGED with a tag list, else ANY. */
export function tagStatusOf(rule: ecr.LifecycleRule): ecr.TagStatus {
  return rule.tagStatus ?? (rule.tagPrefixList || rule.tagPatternList ? ecr.TagStatus.TAGGED : ecr.TagStatus.ANY);
}
