import { ResourceRule } from '../rule';
import { TD01_FARGATE_LINUX_SIZE } from './td-01-fargate-linux-size';

/** Task definition rules, in id order. */
export const TASK_RULES: readonly ResourceRule[] = [
  TD01_FARGATE_LINUX_SIZE,
];
