import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toStr } from '../values';
import { requiresFargate, TASK_DEFINITION } from './task-facts';

export const TD16_FARGATE_IPC_MODE: ResourceRule = {
  id: 'ECS-TD-16',
  title: 'Fargate task definitions cannot set IpcMode',
  area: 'task',
  severity: Severity.ERROR,
  description: 'Checks that a task definition that requires FARGATE has no IpcMode. aws-cdk-lib does not check it for TaskDefinition with Compatibility.FARGATE.',
  deployError: 'RegisterTaskDefinition fails: ipcMode is not valid for Fargate tasks.',
  fix: 'Remove IpcMode, or run the task on EC2.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-task-parameters',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['IpcMode'],
  check(task): RuleIssue[] {
    const mode = toStr(task.properties.IpcMode);
    if (mode === undefined || requiresFargate(task) !== true) return [];
    return [{
      property: 'Properties/IpcMode',
      value: task.properties.IpcMode,
      problem: `Fargate task definition sets IpcMode ${mode}`,
      allowed: 'no IpcMode on Fargate',
      fix: 'Remove IpcMode, or drop FARGATE from RequiresCompatibilities and run on EC2.',
    }];
  },
};
