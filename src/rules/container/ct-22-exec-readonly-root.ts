import { ResourceRule, RuleIssue, Severity } from '../rule';
import { serviceTask } from '../service/service-facts';
import { SERVICE } from '../task/service-facts';
import { toArray, toBool, toObject, toStr } from '../values';
import { containerLabel, containers, isEssential, taskDependencies } from './container-facts';

/** Where the SSM agent writes; writable mounts there are the known workaround. */
const SSM_PATHS = ['/var/lib/amazon/ssm', '/var/log/amazon/ssm'];

export const CT22_EXEC_READONLY_ROOT: ResourceRule = {
  id: 'ECS-CT-22',
  title: 'ECS Exec does not work with a read-only root file system',
  area: 'container',
  severity: Severity.WARNING,
  description: 'Checks services with EnableExecuteCommand true whose task definition has containers with ReadonlyRootFilesystem true. AWS: the SSM agent must write to the container file system, so a read-only root is not supported. Containers with writable mounts at /var/lib/amazon/ssm and /var/log/amazon/ssm (or folders above them, such as /var/lib/amazon) are not flagged, nor init containers (not essential, and awaited by another container with SUCCESS or COMPLETE), which have exited before a session could open.',
  deployError: 'None at deploy: the service runs, but the ExecuteCommandAgent fails and `aws ecs execute-command` cannot open a session to those containers.',
  fix: 'Disable ReadonlyRootFilesystem on the containers you need to exec into, mount writable volumes at /var/lib/amazon/ssm and /var/log/amazon/ssm (or /var/lib/amazon and /var/log/amazon), or turn ECS Exec off.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html#ecs-exec-considerations',
  resourceTypes: [SERVICE],
  onlyWith: ['EnableExecuteCommand'],
  check(service, context): RuleIssue[] {
    if (toBool(service.properties.EnableExecuteCommand) !== true) return [];
    const task = serviceTask(service, context);
    if (!task) return [];
    // An init container (not essential, awaited with SUCCESS or COMPLETE) has exited before anyone could exec into it.
    const initNames = new Set(taskDependencies(task).filter(({ dep }) => dep.condition === 'SUCCESS' || dep.condition === 'COMPLETE').map(({ dep }) => dep.container));
    const readOnly = containers(task).filter(({ def }) => toBool(def.ReadonlyRootFilesystem) === true && !ssmPathsWritable(def)
      && !(isEssential(def) === false && initNames.has(toStr(def.Name) ?? '')));
    if (readOnly.length === 0) return [];
    const labels = readOnly.map(({ index, def }) => containerLabel(def, index));
    return [{
      property: 'Properties/EnableExecuteCommand',
      value: service.properties.EnableExecuteCommand,
      problem: `EnableExecuteCommand is true but ${labels.join(', ')} of task definition ${task.path} set${readOnly.length > 1 ? '' : 's'} ReadonlyRootFilesystem true`,
      allowed: 'ECS Exec with writable container root file systems',
      fix: `Set ReadonlyRootFilesystem false on ${labels.join(', ')}, or mount writable volumes at /var/lib/amazon/ssm and /var/log/amazon/ssm (or /var/lib/amazon and /var/log/amazon).`,
    }];
  },
};

/** True when writable mount points cover both SSM agent directories. */
function ssmPathsWritable(def: Record<string, unknown>): boolean {
  const writable = (toArray(def.MountPoints) ?? []).flatMap((m) => {
    const obj = toObject(m);
    const path = toStr(obj?.ContainerPath);
    return path && toBool(obj?.ReadOnly) !== true ? [path.replace(/\/+$/, '')] : [];
  });
  return SSM_PATHS.every((p) => writable.some((w) => w.length > 0 && (p === w || p.startsWith(`${w}/`))));
}
