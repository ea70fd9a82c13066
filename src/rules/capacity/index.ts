import { ResourceRule } from '../rule';
import { CP01_TARGET_CAPACITY } from './cp-01-target-capacity';
import { CP02_SCALING_STEP_SIZE } from './cp-02-scaling-step-size';
import { CP06_PROVIDER_NAME } from './cp-06-provider-name';

/** Capacity provider rules, in id order. */
export const CAPACITY_RULES: readonly ResourceRule[] = [
  CP01_TARGET_CAPACITY,
  CP02_SCALING_STEP_SIZE,
  CP06_PROVIDER_NAME,
];
