/** The rule registry: every rule the engine runs, grouped by area. */
import { CAPACITY_RULES } from './capacity';
import { CLUSTER_RULES } from './cluster';
import { CONTAINER_RULES } from './container';
import { NETWORK_RULES } from './network';
import { QUOTA_RULES } from './quota';
import { REACH_RULES } from './reach';
import { REGISTRY_RULES } from './registry';
import { Rule } from './rule';
import { SERVICE_RULES } from './service';
import { TASK_RULES } from './task';
import { TEMPLATE_RULES } from './template';

export const ALL_RULES: readonly Rule[] = [
  ...TASK_RULES,
  ...CONTAINER_RULES,
  ...NETWORK_RULES,
  ...SERVICE_RULES,
  ...CAPACITY_RULES,
  ...CLUSTER_RULES,
  ...REGISTRY_RULES,
  ...QUOTA_RULES,
  ...REACH_RULES,
  ...TEMPLATE_RULES,
];

export function ruleById(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.id === id);
}
