import { ResourceRule } from '../rule';
import { ER01_REPOSITORY_NAME } from './er-01-repository-name';
import { ER02_TAG_MUTABILITY_EXCLUSIONS } from './er-02-tag-mutability-exclusions';
import { ER03_UNIQUE_RULE_PRIORITY } from './er-03-unique-rule-priority';
import { ER04_ANY_RULE_LAST } from './er-04-any-rule-last';
import { ER05_TAG_SELECTION } from './er-05-tag-selection';
import { ER06_TAG_PATTERN_WILDCARDS } from './er-06-tag-pattern-wildcards';
import { ER07_COUNT_TYPE } from './er-07-count-type';
import { ER08_COUNT_NUMBER } from './er-08-count-number';
import { ER09_LIFECYCLE_LIMITS } from './er-09-lifecycle-limits';
import { ER10_KMS_KEY_ENCRYPTION_TYPE } from './er-10-kms-key-encryption-type';
import { ER13_POLICY_RESOURCE_STATEMENTS } from './er-13-policy-resource-statements';
import { ER14_SCAN_ON_PUSH_IGNORED } from './er-14-scan-on-push-ignored';
import { ER15_REPLICATION_LIMITS } from './er-15-replication-limits';
import { ER17_LIFECYCLE_POLICY_SHAPE } from './er-17-lifecycle-policy-shape';
import { ER18_PULL_THROUGH_CACHE } from './er-18-pull-through-cache';
import { ER19_REGISTRY_SCANNING } from './er-19-registry-scanning';
import { ER20_ONE_REGISTRY_CONFIGURATION } from './er-20-one-registry-configuration';

/** ECR rules, in id order. */
export const REGISTRY_RULES: readonly ResourceRule[] = [
  ER01_REPOSITORY_NAME,
  ER02_TAG_MUTABILITY_EXCLUSIONS,
  ER03_UNIQUE_RULE_PRIORITY,
  ER04_ANY_RULE_LAST,
  ER05_TAG_SELECTION,
  ER06_TAG_PATTERN_WILDCARDS,
  ER07_COUNT_TYPE,
  ER08_COUNT_NUMBER,
  ER09_LIFECYCLE_LIMITS,
  ER10_KMS_KEY_ENCRYPTION_TYPE,
  ER13_POLICY_RESOURCE_STATEMENTS,
  ER14_SCAN_ON_PUSH_IGNORED,
  ER15_REPLICATION_LIMITS,
  ER17_LIFECYCLE_POLICY_SHAPE,
  ER18_PULL_THROUGH_CACHE,
  ER19_REGISTRY_SCANNING,
  ER20_ONE_REGISTRY_CONFIGURATION,
];
