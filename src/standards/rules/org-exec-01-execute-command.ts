import { ECS_SERVICE, OrgRule, standardLabel } from './org-rule';
import { Severity } from '../../rules/finding';
import { toBool } from '../../rules/values';

export const ORG_EXEC_01_EXECUTE_COMMAND: OrgRule = {
  id: 'ORG-EXEC-01',
  title: 'No ECS Exec when the standard forbids it',
  area: 'org',
  severity: Severity.ERROR,
  description: 'When ECS Exec is not allowed, services do not set EnableExecuteCommand.',
  deployError: 'Deploys, but gives shell access into running tasks.',
  fix: 'Remove enableExecuteCommand from the service.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html',
  resourceTypes: [ECS_SERVICE],
  appliesTo: (s) => s.allowExecuteCommand === false,
  check(resource, _context, standard) {
    if (toBool(resource.properties.EnableExecuteCommand) !== true) return [];
    return [{
      property: 'Properties/EnableExecuteCommand',
      value: true,
      problem: `ECS service enables ECS Exec, which ${standardLabel(standard)} does not allow`,
      allowed: 'false',
      fix: 'Remove enableExecuteCommand (or set it to false)',
    }];
  },
};
