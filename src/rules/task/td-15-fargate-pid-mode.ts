import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toStr } from '../values';
import { isWindows, requiresFargate, TASK_DEFINITION } from './task-facts';

export const TD15_FARGATE_PID_MODE: ResourceRule = {
  id: 'ECS-TD-15',
  title: 'On Fargate, PidMode must be task, on Linux',
  area: 'task',
  severity: Severity.ERROR,
  description: 'Checks PidMode of task definitions that require FARGATE: only "task", and not for Windows. Without RuntimePlatform a Fargate task is Linux, so PidMode task needs no operating system family (aws-cdk-lib\'s FargateTaskDefinition asks for one; ECS does not).',
  deployError: 'RegisterTaskDefinition fails: pidMode host is not supported on Fargate / pidMode is not supported for Windows containers on Fargate.',
  fix: 'Use PidMode task on a Linux task definition, or remove PidMode.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html#ECS-RegisterTaskDefinition-request-pidMode',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['PidMode'],
  check(task): RuleIssue[] {
    if (task.properties.PidMode === undefined || requiresFargate(task) !== true) return [];
    const mode = toStr(task.properties.PidMode);
    if (mode === undefined) return [];
    const base = { property: 'Properties/PidMode', value: task.properties.PidMode };
    if (mode !== 'task') {
      return [{ ...base, problem: `Fargate task definition PidMode ${mode}`, allowed: 'task', fix: 'Set PidMode to task, or remove it.' }];
    }
    if (isWindows(task) === true) {
      return [{ ...base, problem: 'Fargate Windows task definition sets PidMode', allowed: 'PidMode only for Linux tasks', fix: 'Remove PidMode from the Windows task definition.' }];
    }
    return [];
  },
};
