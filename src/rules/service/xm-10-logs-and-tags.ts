import { ResourceRule, RuleIssue, Severity } from '../rule';
import { isUnresolved, toArray, toObject, toStr } from '../values';
import { EXPRESS_API, EXPRESS_SERVICE, primaryContainer } from './express-facts';

/** Tags per Express service (CreateExpressGatewayService tags: 0-50). */
const MAX_TAGS = 50;

export const XM10_LOGS_AND_TAGS: ResourceRule = {
  id: 'ECS-XM-10',
  title: 'Express awslogs configuration names a log group and stream prefix; at most 50 tags',
  area: 'service',
  severity: Severity.ERROR,
  description: 'PrimaryContainer.AwsLogsConfiguration needs both LogGroup and LogStreamPrefix (non-empty); Tags holds at most 50 entries.',
  deployError: 'CreateExpressGatewayService fails: logGroup and logStreamPrefix are required in awsLogsConfiguration / too many tags.',
  fix: 'Give both LogGroup and LogStreamPrefix (ExpressService does), and 50 tags or fewer.',
  source: EXPRESS_API,
  resourceTypes: [EXPRESS_SERVICE],
  check(service): RuleIssue[] {
    const issues: RuleIssue[] = [];
    const logs = toObject(primaryContainer(service)?.AwsLogsConfiguration);
    for (const key of ['LogGroup', 'LogStreamPrefix']) {
      if (!logs || isUnresolved(logs[key])) continue;
      const v = toStr(logs[key]);
      if (v === undefined || v.trim() === '') {
        issues.push({ property: `Properties/PrimaryContainer/AwsLogsConfiguration/${key}`, value: logs[key], problem: `AwsLogsConfiguration.${key} is missing or empty`, allowed: 'a non-empty string', fix: `Set ${key}.` });
      }
    }
    const tags = toArray(service.properties.Tags);
    if (tags && tags.length > MAX_TAGS) {
      issues.push({ property: 'Properties/Tags', value: tags.length, problem: `Express service has ${tags.length} tags`, allowed: `at most ${MAX_TAGS}`, fix: 'Remove tags (stack-wide Tags.of also land here).' });
    }
    return issues;
  },
};
