/** One Copilot manifest -> one ServicePlan. */
import { backendKind, mapBackend } from './backend-service';
import { camel, pascal, tsKey } from './code';
import { isMap, ManifestFields } from './fields';
import { AppFacts, ServiceKind, ServicePlan } from './plan';
import { mapJob } from './scheduled-job';
import { mapCount, mapDeployment, mapExec, mapNetwork } from './service';
import { mapTask, windowsPlatform } from './task';
import { AlbRoute, mapHttp, mapNlb } from './web-service';
import { mapWorker } from './worker-service';

/** Copilot service types the migrator maps. */
export const COPILOT_TYPES = ['Load Balanced Web Service', 'Backend Service', 'Worker Service', 'Scheduled Job'];

/** The kit shape of a manifest (before mapping: the ALB routes and port names depend on it). */
export function kindOf(manifest: Record<string, unknown>): ServiceKind | undefined {
  switch (manifest.type) {
    case 'Load Balanced Web Service':
      return manifest.http === false && isMap(manifest.nlb) ? 'NetworkLoadBalancedService' : 'WebService';
    case 'Backend Service': {
      const probe = new ServicePlan('', '', '', new ManifestFields(manifest), { app: '', workspaceRoot: '', topics: new Map(), hasBackend: false });
      backendKind(probe);
      return probe.kind;
    }
    case 'Worker Service':
      return 'WorkerService';
    case 'Scheduled Job':
      return 'ScheduledJob';
    default:
      return undefined;
  }
}

/** Topics a manifest publishes: `service/topic` -> variable name. */
export function publishedTopics(manifest: Record<string, unknown>): [string, string][] {
  const topics = isMap(manifest.publish) ? manifest.publish.topics : undefined;
  if (!Array.isArray(topics)) return [];
  const name = String(manifest.name);
  return topics.filter((t) => isMap(t) && typeof t.name === 'string')
    .map((t) => [`${name}/${(t as { name: string }).name}`, `${camel(name)}${pascal((t as { name: string }).name)}Topic`]);
}

/** Map one (possibly environment-merged) manifest. */
export function mapManifest(manifest: Record<string, unknown>, facts: AppFacts, route: AlbRoute): ServicePlan {
  const fields = new ManifestFields(manifest);
  const name = String(manifest.name);
  const plan = new ServicePlan(name, pascal(name), camel(name), fields, facts);
  fields.get('name');
  fields.get('type');
  fields.get('environments'); // handled by the environment pass
  plan.kind = kindOf(manifest) ?? 'WebService';
  mapTask(plan);
  mapPublish(plan);
  switch (manifest.type) {
    case 'Load Balanced Web Service':
      if (plan.kind === 'NetworkLoadBalancedService') {
        fields.get('http');
        mapNlb(plan);
      } else {
        mapHttp(plan, route, true);
        plan.todo('nlb', 'the kit puts one load balancer in front of a service: add a NetworkLoadBalancedService for this port, or drop the ALB', plan.service);
      }
      break;
    case 'Backend Service':
      mapBackend(plan, route.owner, route.priority);
      break;
    case 'Worker Service':
      mapWorker(plan);
      break;
    case 'Scheduled Job':
      mapJob(plan);
      break;
    default:
      break;
  }
  if (plan.kind !== 'ScheduledJob') mapCount(plan);
  mapExec(plan);
  mapNetwork(plan);
  if (plan.kind !== 'ScheduledJob') mapDeployment(plan);
  else plan.todo('deployment', 'a scheduled job has no deployment', plan.service);
  if (facts.hasBackend && plan.kind !== 'ScheduledJob' && plan.kind !== 'BackendService' && !plan.service.get('serviceConnect') && !windowsPlatform(fields)) {
    plan.service.set('serviceConnect', '{}'); // a client of the backends' Service Connect names
  }
  for (const t of fields.sweep()) plan.afterService.push(`// TODO(copilot): ${t.path}: ${JSON.stringify(t.value)} — ${t.why}`);
  return plan;
}

/** `publish.topics` -> SNS topics the task role may publish to, their ARNs in COPILOT_SNS_TOPIC_ARNS. */
function mapPublish(plan: ServicePlan): void {
  const topics = plan.fields.peek('publish.topics');
  if (!Array.isArray(topics)) return;
  const arns: string[] = [];
  const seen = new Set<string>();
  topics.forEach((t, i) => {
    if (!isMap(t) || typeof t.name !== 'string' || seen.has(t.name)) {
      plan.todo(['publish', 'topics', i], 'a topic needs a name, unique in the service', plan.afterTask);
      return;
    }
    seen.add(t.name);
    plan.fields.get(['publish', 'topics', i, 'name']);
    const v = `${plan.v}${pascal(t.name)}Topic`;
    const fifo = t.fifo;
    let fifoProps = '';
    if (fifo === true || fifo === false) {
      plan.fields.get(['publish', 'topics', i, 'fifo']);
      fifoProps = fifo ? ', fifo: true' : '';
    } else if (isMap(fifo)) {
      const dedup = plan.fields.bool(['publish', 'topics', i, 'fifo', 'content_based_deduplication']);
      fifoProps = `, fifo: true${dedup !== undefined ? `, contentBasedDeduplication: ${dedup}` : ''}`;
    }
    plan.topics.push(`const ${v} = new sns.Topic(this, '${plan.id}${pascal(t.name)}Topic', { enforceSSL: true${fifoProps} });`);
    plan.afterTask.push(`${v}.grantPublish(${plan.taskVar}.taskRole);`);
    arns.push(`${tsKey(t.name)}: ${v}.topicArn`);
  });
  if (arns.length) plan.environment.set('COPILOT_SNS_TOPIC_ARNS', `Stack.of(this).toJsonString({ ${arns.join(', ')} })`);
}
