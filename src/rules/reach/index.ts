/**
 * Reach rules: deployments that CloudFormation accepts but ECS never
 * finishes (tasks that cannot pull, targets that never turn healthy), and
 * create-time rejections that involve two or more resources. Each fires only
 * when the failure is certain from the templates of the assembly.
 */
import { RC01_IMAGE_PULL_PATH } from './rc-01-image-pull-path';
import { Rule } from '../rule';

export const REACH_RULES: readonly Rule[] = [
  RC01_IMAGE_PULL_PATH,
];
