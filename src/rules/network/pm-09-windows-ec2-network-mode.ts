import { ResourceRule, RuleIssue, Severity } from '../rule';
import { isWindows, requiresFargate, TASK_DEFINITION } from '../task/task-facts';
import { toStr } from '../values';

const UNSUPPORTED = ['bridge', 'host', 'none'];

export const PM09_WINDOWS_EC2_NETWORK_MODE: ResourceRule = {
  id: 'ECS-PM-09',
  title: 'Windows tasks on EC2 support only the default (NAT) and awsvpc network modes',
  area: 'network',
  severity: Severity.ERROR,
  description: 'Flags EC2 task definitions whose RuntimePlatform declares a Windows operating system family and whose NetworkMode is bridge, host or none. An omitted NetworkMode (the Windows default NAT) passes.',
  deployError: 'Tasks cannot run: Windows container instances support only the default and awsvpc network modes.',
  fix: 'Omit NetworkMode (NAT) or use awsvpc for Windows tasks.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking.html',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['RuntimePlatform'],
  check(task): RuleIssue[] {
    if (requiresFargate(task) !== false || isWindows(task) !== true) return [];
    const mode = toStr(task.properties.NetworkMode);
    if (mode === undefined || !UNSUPPORTED.includes(mode)) return [];
    return [{
      property: 'Properties/NetworkMode',
      value: task.properties.NetworkMode,
      problem: `Windows task definition on EC2 uses NetworkMode ${mode}`,
      allowed: 'NetworkMode omitted (default NAT) or awsvpc',
      fix: 'Remove NetworkMode (NetworkMode.NAT in CDK) or set it to awsvpc.',
    }];
  },
};
