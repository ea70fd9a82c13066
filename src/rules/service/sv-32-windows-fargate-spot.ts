import { ResourceRule, RuleIssue, Severity } from '../rule';
import { isWindows } from '../task/task-facts';
import { toObject, toStr } from '../values';
import { SERVICE, serviceTask, strategyOf } from './service-facts';

export const SV32_WINDOWS_FARGATE_SPOT: ResourceRule = {
  id: 'ECS-SV-32',
  title: 'Windows tasks do not run on Fargate Spot',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Flags a service whose capacity provider strategy gives FARGATE_SPOT a weight or base above 0 while its (resolved) task definition declares a Windows operating system family: Fargate Spot runs Linux tasks only.',
  deployError: 'The service is created, but the tasks ECS places on FARGATE_SPOT never start, so the service does not reach its desired count and the stack waits until it fails.',
  fix: 'Run Windows tasks on FARGATE only (no FARGATE_SPOT in the strategy), or use Spot for Linux tasks.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html',
  resourceTypes: [SERVICE],
  onlyWith: ['CapacityProviderStrategy'],
  check(service, ctx): RuleIssue[] {
    const spot = strategyOf(service, ctx)?.items.find((i) => i.provider?.name === 'FARGATE_SPOT' && ((i.weight ?? 0) > 0 || (i.base ?? 0) > 0));
    if (!spot) return [];
    const task = serviceTask(service, ctx);
    if (!task || isWindows(task) !== true) return [];
    const family = toStr(toObject(task.properties.RuntimePlatform)?.OperatingSystemFamily);
    return [{
      property: `${spot.pointer}/CapacityProvider`,
      value: spot.raw.CapacityProvider,
      problem: `Service runs Windows task definition ${task.path} (${family}) with FARGATE_SPOT in its capacity provider strategy (weight ${spot.weight ?? '?'}, base ${spot.base ?? '?'})`,
      allowed: 'Windows tasks on FARGATE; FARGATE_SPOT for Linux tasks only',
      fix: 'Remove FARGATE_SPOT from the strategy (FargateCapacity.onDemand() on a kit service), or run the workload as a Linux task.',
    }];
  },
};
