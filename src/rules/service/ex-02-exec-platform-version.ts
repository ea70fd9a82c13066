import { ResourceRule, RuleIssue, Severity } from '../rule';
import { isWindows } from '../task/task-facts';
import { toBool, toStr } from '../values';
import { SERVICE, serviceTask } from './service-facts';

/** [major, minor, patch] of a literal platform version like "1.3.0"; undefined for LATEST or anything else. */
function parseVersion(v: string): [number, number, number] | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(v);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

export const EX02_EXEC_PLATFORM_VERSION: ResourceRule = {
  id: 'ECS-EX-02',
  title: 'ECS Exec needs Fargate platform version 1.4.0 or later (Linux)',
  area: 'service',
  severity: Severity.WARNING,
  description: 'Flags EnableExecuteCommand true with a literal PlatformVersion below 1.4.0. Windows tasks (only 1.0.0 exists there) are left alone: 1.0.0 is judged only when the task definition resolves to Linux. The EC2 agent version (1.50.2+) is not visible in a template.',
  deployError: 'The service deploys, but ECS Exec sessions fail: the SSM agent is only injected on Linux platform version 1.4.0 or later.',
  fix: 'Use PlatformVersion LATEST or 1.4.0.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html',
  resourceTypes: [SERVICE],
  onlyWith: ['EnableExecuteCommand'],
  check(service, ctx): RuleIssue[] {
    if (toBool(service.properties.EnableExecuteCommand) !== true) return [];
    const raw = toStr(service.properties.PlatformVersion);
    const version = raw === undefined ? undefined : parseVersion(raw);
    if (!version || version[0] > 1 || (version[0] === 1 && version[1] >= 4)) return [];
    if (version[0] === 1 && version[1] === 0) {
      // 1.0.0 is also the Windows platform version, where ECS Exec works.
      const task = serviceTask(service, ctx);
      if (!task || isWindows(task) !== false) return [];
    }
    return [{
      property: 'Properties/PlatformVersion',
      value: service.properties.PlatformVersion,
      problem: `EnableExecuteCommand is true but PlatformVersion is ${raw}`,
      allowed: 'Linux Fargate platform version 1.4.0 or LATEST (Windows: 1.0.0)',
      fix: 'Set PlatformVersion to LATEST or 1.4.0.',
    }];
  },
};
