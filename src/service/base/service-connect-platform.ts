/** Which tasks can run the Service Connect proxy. */
import { ServiceTask } from './service-inputs';
import { fail } from '../../errors';
import { SC13_ALLOWED } from '../../rules/service/sc-13-linux-only';

/**
 * Fail with ECS-SC-13 when Service Connect is asked of a kit Windows task, before the task memory checks (ECS-SC-06):
 * a Windows task cannot run the proxy at all. An EC2 Windows task need not declare RuntimePlatform, so the rule over
 * the template may not see it.
 */
export function rejectWindowsServiceConnect(path: string, task: ServiceTask, server: boolean): void {
  if (!task.kit?.isWindows) return;
  fail({
    code: 'ECS-SC-13',
    path,
    problem: `Service Connect is ${server ? 'what a BackendService is reached through' : 'enabled'}, but task ${task.path} runs Windows`,
    allowed: SC13_ALLOWED,
    fix: server
      ? 'Run the Windows task in a WorkerService or a WebService (internetFacing: false), and reach it through Cloud Map DNS or the load balancer'
      : 'Remove serviceConnect from this service, or run it on Linux',
  });
}
