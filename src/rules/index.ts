/** The rule registry: every rule the engine runs, grouped by area. */
import { Rule } from './rule';
import { TASK_RULES } from './task';

export const ALL_RULES: readonly Rule[] = [
  ...TASK_RULES,
];

export function ruleById(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.id === id);
}
