import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toObject, toStr } from '../values';
import { serviceConnectEnabled } from './service-connect';
import { SERVICE } from './service-facts';

const FORMATS = ['TEXT', 'JSON'];
const QUERY = ['ENABLED', 'DISABLED'];

export const SC12_ACCESS_LOG_FORMAT: ResourceRule = {
  id: 'ECS-SC-12',
  title: 'Service Connect access logs have a format TEXT or JSON; IncludeQueryParameters ENABLED or DISABLED',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Checks ServiceConnectConfiguration.AccessLogConfiguration: Format is required (TEXT or JSON) and IncludeQueryParameters, when set, is ENABLED or DISABLED.',
  deployError: 'CreateService fails: invalid or missing access log format.',
  fix: 'Set Format to TEXT or JSON (ServiceConnectAccessLogFormat).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectAccessLogConfiguration.html',
  resourceTypes: [SERVICE],
  onlyWith: ['ServiceConnectConfiguration'],
  check(service): RuleIssue[] {
    if (serviceConnectEnabled(service) !== true) return [];
    const access = toObject(toObject(service.properties.ServiceConnectConfiguration)?.AccessLogConfiguration);
    if (!access) return [];
    const p = 'Properties/ServiceConnectConfiguration/AccessLogConfiguration';
    const issues: RuleIssue[] = [];
    const format = access.Format === undefined ? '' : toStr(access.Format);
    if (format !== undefined && !FORMATS.includes(format)) {
      issues.push({ property: `${p}/Format`, value: access.Format, problem: access.Format === undefined ? 'AccessLogConfiguration has no Format' : `access log Format ${JSON.stringify(format)} is not valid`, allowed: FORMATS.join(', '), fix: 'Set Format to TEXT or JSON.' });
    }
    const query = toStr(access.IncludeQueryParameters);
    if (query !== undefined && !QUERY.includes(query)) {
      issues.push({ property: `${p}/IncludeQueryParameters`, value: query, problem: `IncludeQueryParameters ${JSON.stringify(query)} is not valid`, allowed: QUERY.join(', '), fix: 'Use ENABLED or DISABLED.' });
    }
    return issues;
  },
};
