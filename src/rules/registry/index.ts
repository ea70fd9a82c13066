import { ResourceRule } from '../rule';
import { ER03_UNIQUE_RULE_PRIORITY } from './er-03-unique-rule-priority';
import { ER08_COUNT_NUMBER } from './er-08-count-number';
import { ER09_LIFECYCLE_LIMITS } from './er-09-lifecycle-limits';
import { ER14_SCAN_ON_PUSH_IGNORED } from './er-14-scan-on-push-ignored';
import { ER15_REPLICATION_LIMITS } from './er-15-replication-limits';

/** ECR rules, in id order. */
export const REGISTRY_RULES: readonly ResourceRule[] = [
  ER03_UNIQUE_RULE_PRIORITY,
  ER08_COUNT_NUMBER,
  ER09_LIFECYCLE_LIMITS,
  ER14_SCAN_ON_PUSH_IGNORED,
  ER15_REPLICATION_LIMITS,
];
