import { ResourceRule } from '../rule';
import { CP01_TARGET_CAPACITY } from './cp-01-target-capacity';
import { CP02_SCALING_STEP_SIZE } from './cp-02-scaling-step-size';
import { CP03_INSTANCE_WARMUP } from './cp-03-instance-warmup';
import { CP04_TERMINATION_PROTECTION } from './cp-04-termination-protection';
import { CP05_SCALE_IN_PROTECTION } from './cp-05-scale-in-protection';
import { CP06_PROVIDER_NAME } from './cp-06-provider-name';
import { CP09_MANAGED_INSTANCES_REQUIREMENTS } from './cp-09-managed-instances-requirements';
import { MI03_REQUIREMENT_RANGES } from './mi-03-requirement-ranges';
import { MI04_PROVIDER_ESSENTIALS } from './mi-04-provider-essentials';
import { MI05_INSTANCE_ROLE_NAME } from './mi-05-instance-role-name';
import { MI07_SCALE_IN_AFTER } from './mi-07-scale-in-after';

/** Capacity provider rules, in id order. */
export const CAPACITY_RULES: readonly ResourceRule[] = [
  CP01_TARGET_CAPACITY,
  CP02_SCALING_STEP_SIZE,
  CP03_INSTANCE_WARMUP,
  CP04_TERMINATION_PROTECTION,
  CP05_SCALE_IN_PROTECTION,
  CP06_PROVIDER_NAME,
  CP09_MANAGED_INSTANCES_REQUIREMENTS,
  MI03_REQUIREMENT_RANGES,
  MI04_PROVIDER_ESSENTIALS,
  MI05_INSTANCE_ROLE_NAME,
  MI07_SCALE_IN_AFTER,
];
