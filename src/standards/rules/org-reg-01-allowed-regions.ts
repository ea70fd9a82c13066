import { ECS_CLUSTER, ECS_EXPRESS, ECS_SERVICE, ECS_TASK, OrgRule, standardLabel } from './org-rule';
import { Severity } from '../../rules/finding';

export const ORG_REG_01_ALLOWED_REGIONS: OrgRule = {
  id: 'ORG-REG-01',
  title: 'ECS resources deploy to allowed Regions',
  area: 'org',
  severity: Severity.ERROR,
  description: 'Stacks with a literal Region that hold ECS clusters, services or task definitions deploy only to the Regions the standard allows. Env-agnostic stacks are skipped.',
  deployError: 'Deploys, but outside the Regions the organization supports (or an SCP denies it at deploy time).',
  fix: 'Deploy the stack to an allowed Region (stack env.region).',
  source: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples_general.html#example-scp-deny-region',
  resourceTypes: [ECS_CLUSTER, ECS_SERVICE, ECS_EXPRESS, ECS_TASK],
  appliesTo: (s) => (s.allowedRegions?.length ?? 0) > 0,
  check(resource, context, standard) {
    const region = context.stack.region;
    const allowed = standard.allowedRegions ?? [];
    if (region === undefined || allowed.includes(region)) return [];
    return [{
      property: 'Region',
      value: region,
      problem: `${resource.type} is in Region ${region}, which ${standardLabel(standard)} does not allow`,
      allowed: allowed.join(', '),
      fix: `Set the stack's env.region to one of ${allowed.join(', ')}`,
    }];
  },
};
