/** Reading a service's ServiceConnectConfiguration. */
import { serviceTask } from './service-facts';
import { TemplateResource } from '../model';
import { RuleContext } from '../rule';
import { toArray, toBool, toObject } from '../values';

export interface ScService {
  readonly index: number;
  readonly pointer: string;
  readonly def: Record<string, unknown>;
}

/** True / false when Service Connect is decidably on / off; undefined when unresolved. */
export function serviceConnectEnabled(service: TemplateResource): boolean | undefined {
  const raw = service.properties.ServiceConnectConfiguration;
  if (raw === undefined) return false;
  const cfg = toObject(raw);
  return cfg ? toBool(cfg.Enabled) : undefined;
}

/** The task definition (in the template) of a service with Service Connect decidably on. */
export function serviceConnectTask(service: TemplateResource, ctx: RuleContext): TemplateResource | undefined {
  return serviceConnectEnabled(service) === true ? serviceTask(service, ctx) : undefined;
}

/**
 * Whether the service publishes a Service Connect endpoint (Enabled with at
 * least one Services entry); undefined when unresolved.
 */
export function servesServiceConnect(service: TemplateResource): boolean | undefined {
  const enabled = serviceConnectEnabled(service);
  if (enabled !== true) return enabled;
  const services = toObject(service.properties.ServiceConnectConfiguration)!.Services;
  if (services === undefined) return false;
  const list = toArray(services);
  return list === undefined ? undefined : list.length > 0;
}

/** The Service Connect services (server side) of an enabled configuration. */
export function serviceConnectServices(service: TemplateResource): ScService[] {
  if (serviceConnectEnabled(service) !== true) return [];
  const cfg = toObject(service.properties.ServiceConnectConfiguration)!;
  const list = toArray(cfg.Services) ?? [];
  const out: ScService[] = [];
  list.forEach((s, index) => {
    const def = toObject(s);
    if (def) out.push({ index, pointer: `Properties/ServiceConnectConfiguration/Services/${index}`, def });
  });
  return out;
}
