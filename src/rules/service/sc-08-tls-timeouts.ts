import { TemplateResource } from '../model';
import { portMappings, portMappingsComplete } from '../network/port-mappings';
import { ResourceRule, RuleContext, RuleIssue, Severity } from '../rule';
import { toNumber, toObject, toStr } from '../values';
import { serviceConnectServices } from './service-connect';
import { SERVICE, serviceTask } from './service-facts';

/** Service Connect app protocols that take a per-request timeout (TCP, the default, takes only the idle timeout). */
const REQUEST_PROTOCOLS: readonly string[] = ['http', 'http2', 'grpc'];

export const SC08_TLS_TIMEOUTS: ResourceRule = {
  id: 'ECS-SC-08',
  title: 'Service Connect TLS authority is an ARN; timeouts are whole seconds, 0 or more, and no per-request timeout on TCP',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Checks ServiceConnectConfiguration.Services: Tls.IssuerCertificateAuthority.AwsPcaAuthorityArn must be an ARN, and Timeout.IdleTimeoutSeconds / PerRequestTimeoutSeconds whole numbers of 0 or more (0 turns the timeout off). PerRequestTimeoutSeconds is only allowed when the port mapping named by PortName in the task definition has AppProtocol http, http2 or grpc: without AppProtocol (TCP) only IdleTimeoutSeconds is allowed (skipped when the task definition or the port mapping does not resolve).',
  deployError: 'CreateService fails: invalid Service Connect TLS certificate authority ARN or timeout, or a perRequestTimeout on a TCP port.',
  fix: 'Use the ARN of an AWS Private CA, and whole-second timeouts (0 to disable); on a TCP port set only IdleTimeoutSeconds.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectService.html',
  resourceTypes: [SERVICE],
  onlyWith: ['ServiceConnectConfiguration'],
  check(service, ctx): RuleIssue[] {
    return serviceConnectServices(service).flatMap(({ pointer, def }) => {
      const issues: RuleIssue[] = [];
      const pca = toObject(toObject(def.Tls)?.IssuerCertificateAuthority);
      const arn = toStr(pca?.AwsPcaAuthorityArn);
      if (arn !== undefined && !arn.startsWith('arn:')) {
        issues.push({ property: `${pointer}/Tls/IssuerCertificateAuthority/AwsPcaAuthorityArn`, value: arn, problem: `AwsPcaAuthorityArn ${JSON.stringify(arn)} is not an ARN`, allowed: 'arn:aws:acm-pca:<region>:<account>:certificate-authority/<id>', fix: 'Use the full ARN of the private certificate authority.' });
      }
      const timeout = toObject(def.Timeout);
      for (const key of ['IdleTimeoutSeconds', 'PerRequestTimeoutSeconds']) {
        const v = toNumber(timeout?.[key]);
        if (v === undefined || (Number.isInteger(v) && v >= 0)) continue;
        issues.push({ property: `${pointer}/Timeout/${key}`, value: timeout![key], problem: `Service Connect ${key} ${v} is not valid`, allowed: 'whole seconds, 0 or more (0 disables the timeout)', fix: `Set ${key} to a whole number of seconds.` });
      }
      const perRequest = timeout?.PerRequestTimeoutSeconds;
      if (toNumber(perRequest) !== undefined) {
        const portName = toStr(def.PortName);
        const protocol = portName === undefined ? undefined : appProtocolOf(service, portName, ctx);
        if (protocol !== undefined && (protocol === null || !REQUEST_PROTOCOLS.includes(protocol.toLowerCase()))) {
          const shown = protocol === null ? 'no AppProtocol (TCP)' : `AppProtocol ${protocol}`;
          issues.push({
            property: `${pointer}/Timeout/PerRequestTimeoutSeconds`,
            value: perRequest,
            problem: `Service Connect PerRequestTimeoutSeconds is set for port ${portName}, whose port mapping has ${shown}`,
            allowed: 'PerRequestTimeoutSeconds only for AppProtocol http, http2 or grpc; only IdleTimeoutSeconds for TCP',
            fix: `Remove PerRequestTimeoutSeconds (keep IdleTimeoutSeconds), or set AppProtocol http, http2 or grpc on port mapping ${portName}.`,
          });
        }
      }
      return issues;
    });
  },
};

/**
 * The AppProtocol of the task definition's port mapping named `portName`, null when it has none (TCP);
 * undefined when the task definition, its port mappings or the mapping's AppProtocol do not resolve,
 * or when no single port mapping has that name (ECS-SC-02 and ECS-PM-07 report those).
 */
function appProtocolOf(service: TemplateResource, portName: string, ctx: RuleContext): string | null | undefined {
  const task = serviceTask(service, ctx);
  if (!task || !portMappingsComplete(task)) return undefined;
  const mappings = portMappings(task);
  if (mappings.some((m) => m.mapping.Name !== undefined && toStr(m.mapping.Name) === undefined)) return undefined;
  const named = mappings.filter((m) => toStr(m.mapping.Name) === portName);
  if (named.length !== 1) return undefined;
  const app = named[0].mapping.AppProtocol;
  return app === undefined ? null : toStr(app);
}
