import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toObject, toStr } from '../values';
import { isWindows, requiresFargate, TASK_DEFINITION } from './task-facts';

export const TD15_FARGATE_PID_MODE: ResourceRule = {
  id: 'ECS-TD-15',
  title: 'On Fargate, PidMode must be task, on Linux with an operating system family set',
  area: 'task',
  severity: Severity.ERROR,
  description: 'Checks PidMode of task definitions that require FARGATE: only "task", not for Windows, and RuntimePlatform.OperatingSystemFamily must be set.',
  deployError: 'RegisterTaskDefinition fails: pidMode host is not supported on Fargate / pidMode needs a Linux operating system family.',
  fix: 'Use PidMode task with RuntimePlatform OperatingSystemFamily LINUX, or remove PidMode.',
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
    const windows = isWindows(task);
    if (windows === true) {
      return [{ ...base, problem: 'Fargate Windows task definition sets PidMode', allowed: 'PidMode only for Linux tasks', fix: 'Remove PidMode from the Windows task definition.' }];
    }
    const family = toObject(task.properties.RuntimePlatform)?.OperatingSystemFamily;
    if (task.properties.RuntimePlatform === undefined || (toObject(task.properties.RuntimePlatform) && family === undefined)) {
      return [{ ...base, problem: 'Fargate task definition sets PidMode task without RuntimePlatform.OperatingSystemFamily', allowed: 'PidMode task with OperatingSystemFamily LINUX', fix: 'Add RuntimePlatform: { OperatingSystemFamily: LINUX }.' }];
    }
    return [];
  },
};
