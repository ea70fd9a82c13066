import { ResourceRule, RuleIssue, Severity } from '../rule';
import { networkMode, TASK_DEFINITION } from '../task/task-facts';
import { toNumber, toStr } from '../values';
import { portMappings } from './port-mappings';

export const PM05_CONTAINER_PORT_RANGE: ResourceRule = {
  id: 'ECS-PM-05',
  title: 'ContainerPortRange: "start-end", bridge or awsvpc only, without ContainerPort or HostPort',
  area: 'network',
  severity: Severity.ERROR,
  description: 'Checks port mappings that set ContainerPortRange: the format "start-end" with 1 <= start < end <= 65535, no ContainerPort or HostPort beside it, and the bridge or awsvpc network mode.',
  deployError: 'RegisterTaskDefinition fails: invalid containerPortRange, or containerPortRange used with containerPort/hostPort or an unsupported network mode.',
  fix: 'Use ContainerPortRange "8000-8010" alone (no ContainerPort, no HostPort) in bridge or awsvpc mode.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html#ECS-Type-PortMapping-containerPortRange',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['ContainerDefinitions/*/PortMappings/*/ContainerPortRange'],
  check(task): RuleIssue[] {
    const mode = networkMode(task);
    const issues: RuleIssue[] = [];
    for (const { container, pointer, mapping } of portMappings(task)) {
      if (mapping.ContainerPortRange === undefined) continue;
      const range = toStr(mapping.ContainerPortRange);
      if (range === undefined) continue;
      const m = /^(\d+)-(\d+)$/.exec(range.trim());
      const ok = m && Number(m[1]) >= 1 && Number(m[2]) <= 65535 && Number(m[1]) < Number(m[2]);
      if (!ok) {
        issues.push({ property: `${pointer}/ContainerPortRange`, value: mapping.ContainerPortRange, problem: `${container} ContainerPortRange ${JSON.stringify(range)} is not a valid range`, allowed: '"start-end" with 1 <= start < end <= 65535', fix: 'Write the range as "8000-8010".' });
      }
      for (const other of ['ContainerPort', 'HostPort'] as const) {
        if (mapping[other] === undefined || (other === 'ContainerPort' && toNumber(mapping[other]) === 0)) continue;
        issues.push({ property: `${pointer}/${other}`, value: mapping[other], problem: `${container} sets ${other} together with ContainerPortRange`, allowed: `ContainerPortRange without ${other}`, fix: `Remove ${other}: ECS picks the host ports of a range itself.` });
      }
      if (mode !== undefined && mode !== 'bridge' && mode !== 'awsvpc') {
        issues.push({ property: `${pointer}/ContainerPortRange`, value: mapping.ContainerPortRange, problem: `${container} uses ContainerPortRange in network mode ${mode}`, allowed: 'ContainerPortRange only in bridge or awsvpc mode', fix: 'Use the bridge or awsvpc network mode, or map single ports.' });
      }
    }
    return issues;
  },
};
