import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toObject } from '../values';
import { serviceConnectEnabled } from './service-connect';
import { SERVICE } from './service-facts';

export const SC09_ACCESS_LOG_NEEDS_LOG_DRIVER: ResourceRule = {
  id: 'ECS-SC-09',
  title: 'Service Connect access logs need a Service Connect log configuration',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Flags ServiceConnectConfiguration.AccessLogConfiguration without ServiceConnectConfiguration.LogConfiguration.',
  deployError: 'CreateService fails: access log configuration requires a log configuration for the Service Connect proxy.',
  fix: 'Add ServiceConnectConfiguration.LogConfiguration (e.g. awslogs), or remove AccessLogConfiguration.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectConfiguration.html',
  resourceTypes: [SERVICE],
  onlyWith: ['ServiceConnectConfiguration'],
  check(service): RuleIssue[] {
    if (serviceConnectEnabled(service) !== true) return [];
    const cfg = toObject(service.properties.ServiceConnectConfiguration)!;
    if (cfg.AccessLogConfiguration === undefined || cfg.LogConfiguration !== undefined) return [];
    return [{ property: 'Properties/ServiceConnectConfiguration/AccessLogConfiguration', value: cfg.AccessLogConfiguration, problem: 'Service Connect AccessLogConfiguration without LogConfiguration', allowed: 'access logs with a Service Connect LogConfiguration', fix: 'Add ServiceConnectConfiguration.LogConfiguration.' }];
  },
};
