import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toArray } from '../values';
import { compatibilities } from './compatibilities';
import { TASK_DEFINITION } from './task-facts';

const UNSUPPORTED = ['FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES'];

export const TD12_INFERENCE_ACCELERATORS: ResourceRule = {
  id: 'ECS-TD-12',
  title: 'Inference accelerators only on EC2',
  area: 'task',
  severity: Severity.ERROR,
  description: 'Flags InferenceAccelerators on task definitions that require FARGATE, EXTERNAL or MANAGED_INSTANCES.',
  deployError: 'RegisterTaskDefinition fails: inference accelerators are not supported for the required compatibility.',
  fix: 'Remove InferenceAccelerators, or run the task on EC2 only.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html#ECS-RegisterTaskDefinition-request-inferenceAccelerators',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['InferenceAccelerators'],
  check(task): RuleIssue[] {
    const list = toArray(task.properties.InferenceAccelerators);
    if (!list || list.length === 0) return [];
    const bad = (compatibilities(task) ?? []).filter((c) => UNSUPPORTED.includes(c));
    if (bad.length === 0) return [];
    return [{
      property: 'Properties/InferenceAccelerators',
      value: task.properties.InferenceAccelerators,
      problem: `${bad.join(', ')} task definition has InferenceAccelerators`,
      allowed: 'InferenceAccelerators only for EC2 task definitions',
      fix: 'Remove InferenceAccelerators, or drop the non-EC2 compatibility.',
    }];
  },
};
