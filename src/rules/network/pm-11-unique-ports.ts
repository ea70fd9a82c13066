import { ResourceRule, RuleIssue, Severity } from '../rule';
import { TASK_DEFINITION } from '../task/task-facts';
import { toNumber, toStr } from '../values';
import { portMappings, protocolOf } from './port-mappings';

export const PM11_UNIQUE_PORTS: ResourceRule = {
  id: 'ECS-PM-11',
  title: 'A port is mapped once per protocol: in a container, and across containers on the task\'s host ports',
  area: 'network',
  severity: Severity.ERROR,
  description: 'Flags a ContainerPort mapped twice with the same protocol in one container; and, across the containers of a task, the same host port '
    + 'and protocol mapped twice: in awsvpc and host network modes the host port is the container port (all containers share one network namespace), '
    + 'in bridge mode only explicit non-zero HostPort values count (0 or none is a dynamic port). In awsvpc mode a ContainerPortRange of one container '
    + 'must not overlap a port or range of another. Unset protocols are tcp. Skipped for unresolved values, and an unresolved network mode (then only '
    + 'the check inside a container runs). aws-cdk-lib checks neither.',
  deployError: 'RegisterTaskDefinition fails: "Container port 8080 is used in more than one port mapping for container app", or the task fails to '
    + 'register or start with "TCP host port \'8080\' is mapped multiple times in task".',
  fix: 'Map each port once: give the second container (a sidecar) its own port, or drop the repeated mapping.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['ContainerDefinitions/*/PortMappings/*/ContainerPort', 'ContainerDefinitions/*/PortMappings/*/ContainerPortRange'],
  check(task): RuleIssue[] {
    const rawMode = task.properties.NetworkMode;
    const mode = rawMode === undefined ? 'bridge' : toStr(rawMode);
    const shared = mode === 'awsvpc' || mode === 'host';
    const inContainer = new Map<string, string>();
    const onHost = new Map<string, string>();
    const issues: RuleIssue[] = [];
    for (const { container, pointer, mapping } of portMappings(task)) {
      const port = toNumber(mapping.ContainerPort);
      const protocol = protocolOf(mapping);
      if (port === undefined || port <= 0 || protocol === undefined) continue;
      const own = `${container}|${port}/${protocol}`;
      if (inContainer.has(own)) {
        issues.push({
          property: `${pointer}/ContainerPort`,
          value: port,
          problem: `${container} maps containerPort ${port}/${protocol} twice`,
          allowed: 'each container port once per protocol in a container',
          fix: `Remove the second ${port}/${protocol} mapping of ${container}.`,
        });
        continue;
      }
      inContainer.set(own, container);
      if (mode === undefined) continue;
      const host = shared ? port : mapping.HostPort === undefined ? 0 : toNumber(mapping.HostPort);
      if (host === undefined || host === 0) continue;
      const key = `${host}/${protocol}`;
      const first = onHost.get(key);
      if (first !== undefined && first !== container) {
        issues.push({
          property: `${pointer}/${shared ? 'ContainerPort' : 'HostPort'}`,
          value: host,
          problem: `${container} maps ${shared ? 'port' : 'host port'} ${host}/${protocol}, which ${first} maps too; in ${mode} network mode `
            + (shared ? 'the containers of a task share one network namespace, so only one can listen on it' : 'a host port is bound once per instance'),
          allowed: 'each host port once per protocol in a task',
          fix: `Give ${container} its own port (e.g. ${host + 1}) and point its clients at it${shared ? '' : ', or leave HostPort unset for a dynamic host port'}.`,
        });
        continue;
      }
      onHost.set(key, container);
    }
    if (mode === 'awsvpc') issues.push(...rangeOverlaps(portMappings(task)));
    return issues;
  },
};

/** awsvpc: a container port range of one container that overlaps a port or range of another (single ports among themselves are checked above). */
function rangeOverlaps(mappings: ReturnType<typeof portMappings>): RuleIssue[] {
  const spans: { container: string; pointer: string; lo: number; hi: number; protocol: string; range: boolean; text: string }[] = [];
  for (const { container, pointer, mapping } of mappings) {
    const protocol = protocolOf(mapping);
    const range = /^(\d+)-(\d+)$/.exec(toStr(mapping.ContainerPortRange) ?? '');
    const port = range ? undefined : toNumber(mapping.ContainerPort);
    if (protocol === undefined || (!range && (port === undefined || port <= 0))) continue;
    const [lo, hi] = range ? [Number(range[1]), Number(range[2])] : [port!, port!];
    spans.push({ container, pointer, lo, hi, protocol, range: range !== null, text: range ? `ports ${lo}-${hi}` : `port ${lo}` });
  }
  const issues: RuleIssue[] = [];
  spans.forEach((b, j) => {
    const a = spans.slice(0, j).find((s) => s.container !== b.container && s.protocol === b.protocol && (s.range || b.range)
      && s.lo <= b.hi && b.lo <= s.hi);
    if (!a) return;
    issues.push({
      property: `${b.pointer}/${b.range ? 'ContainerPortRange' : 'ContainerPort'}`,
      value: b.range ? `${b.lo}-${b.hi}` : b.lo,
      problem: `${b.container} maps ${b.text}/${b.protocol}, which overlaps ${a.text} of ${a.container}; in awsvpc network mode the containers of a task `
        + 'share one network namespace, so only one can listen on each port',
      allowed: 'ports and port ranges that do not overlap across the containers of a task',
      fix: `Move ${b.container}'s ${b.range ? 'range' : 'port'} outside ${a.lo}-${a.hi}.`,
    });
  });
  return issues;
}
