import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toArray } from '../values';
import { serviceConnectServices } from './service-connect';
import { SERVICE } from './service-facts';

export const SC05_ONE_CLIENT_ALIAS: ResourceRule = {
  id: 'ECS-SC-05',
  title: 'A Service Connect service has at most one client alias',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Flags ServiceConnectConfiguration.Services entries with more than one ClientAliases item.',
  deployError: 'CreateService fails: only one client alias is supported per Service Connect service.',
  fix: 'Keep one ClientAliases entry; add another Service Connect service (port name) for another alias.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectService.html#ECS-Type-ServiceConnectService-clientAliases',
  resourceTypes: [SERVICE],
  onlyWith: ['ServiceConnectConfiguration'],
  check(service): RuleIssue[] {
    return serviceConnectServices(service).flatMap(({ pointer, def }) => {
      const aliases = toArray(def.ClientAliases);
      if (!aliases || aliases.length <= 1) return [];
      return [{ property: `${pointer}/ClientAliases`, value: def.ClientAliases, problem: `Service Connect service has ${aliases.length} ClientAliases`, allowed: 'at most one client alias', fix: 'Keep one client alias.' }];
    });
  },
};
