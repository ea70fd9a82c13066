import { ResourceRule, RuleIssue, Severity } from '../rule';
import { containerLabel, containers } from './container-facts';
import { TASK_DEFINITION } from '../task/task-facts';

export const CT21_ONE_FIRELENS_ROUTER: ResourceRule = {
  id: 'ECS-CT-21',
  title: 'A task definition can have only one FireLens log router',
  area: 'container',
  severity: Severity.ERROR,
  description: 'Counts containers with a FirelensConfiguration in one task definition.',
  deployError: 'RegisterTaskDefinition fails: only one container can have a firelensConfiguration.',
  fix: 'Keep one log router container (FirelensConfiguration) and send every container\'s logs to it with the awsfirelens driver.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/firelens-taskdef.html',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['ContainerDefinitions/*/FirelensConfiguration'],
  check(task): RuleIssue[] {
    let routers: { index: number; def: Record<string, unknown> }[] | undefined;
    for (const c of containers(task)) {
      if (c.def.FirelensConfiguration !== undefined) (routers ??= []).push(c);
    }
    if (!routers || routers.length <= 1) return [];
    return [{
      property: `Properties/ContainerDefinitions/${routers[1].index}/FirelensConfiguration`,
      value: routers.map(({ def, index }) => containerLabel(def, index)),
      problem: `${routers.length} containers have a FirelensConfiguration (${routers.map(({ def, index }) => containerLabel(def, index)).join(', ')})`,
      allowed: 'one FireLens log router per task definition',
      fix: 'Remove FirelensConfiguration from all but one container.',
    }];
  },
};
