import { ResourceRule } from '../rule';
import { ER01_REPOSITORY_NAME } from './er-01-repository-name';
import { ER03_UNIQUE_RULE_PRIORITY } from './er-03-unique-rule-priority';
import { ER08_COUNT_NUMBER } from './er-08-count-number';
import { ER09_LIFECYCLE_LIMITS } from './er-09-lifecycle-limits';
import { ER10_KMS_KEY_ENCRYPTION_TYPE } from './er-10-kms-key-encryption-type';
import { ER14_SCAN_ON_PUSH_IGNORED } from './er-14-scan-on-push-ignored';
import { ER15_REPLICATION_LIMITS } from './er-15-replication-limits';

/** ECR rules, in id order. */
export const REGISTRY_RULES: readonly ResourceRule[] = [
  ER01_REPOSITORY_NAME,
  ER03_UNIQUE_RULE_PRIORITY,
  ER08_COUNT_NUMBER,
  ER09_LIFECYCLE_LIMITS,
  ER10_KMS_KEY_ENCRYPTION_TYPE,
  ER14_SCAN_ON_PUSH_IGNORED,
  ER15_REPLICATION_LIMITS,
];
