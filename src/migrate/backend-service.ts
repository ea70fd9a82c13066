/** 'Backend Service': BackendService (Service Connect server), or an internal WebService when it has `http`. */
import { ServicePlan } from './plan';
import { windowsPlatform } from './task';
import { mapHttp } from './web-service';

/** Decide the kit shape before the task is mapped (the port mapping gets a name for Service Connect). */
export function backendKind(plan: ServicePlan): void {
  const http = plan.fields.peek('http');
  if (http !== undefined && http !== false) plan.kind = 'WebService';
  // Service Connect, which a BackendService publishes on, does not run Windows tasks (ECS-SC-13).
  else if (plan.fields.peek('image.port') === undefined || windowsPlatform(plan.fields)) plan.kind = 'WorkerService';
  else plan.kind = 'BackendService';
}

export function mapBackend(plan: ServicePlan, albOwner: string | undefined, priority: number | undefined): void {
  if (plan.fields.peek('http') === false) plan.fields.get('http');
  if (plan.kind === 'WebService') {
    plan.service.comment('// A Backend Service with http: Copilot put it behind the environment\'s internal ALB.');
    mapHttp(plan, { owner: albOwner, priority }, false);
  } else if (plan.kind === 'WorkerService' && windowsPlatform(plan.fields)) {
    plan.service.comment('// TODO(copilot): a Windows Backend Service: Service Connect does not run Windows tasks (ECS-SC-13), so it is a WorkerService '
      + '(which also makes an unused queue). Reach it as Copilot did, through Cloud Map DNS: <this service>.service.enableCloudMap({ name: ... }).');
  } else if (plan.kind === 'WorkerService') {
    plan.service.comment('// TODO(copilot): a Backend Service without image.port: the kit has no service without a port but WorkerService, which also makes an (unused) queue.');
  }
}
