import { TemplateResource } from '../model';
import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toNumber, toObject } from '../values';
import { platformVersionBelow140, SERVICE } from './service-facts';
import { isWindows, requiresFargate, TASK_DEFINITION } from './task-facts';
import { serviceTask } from '../service/service-facts';

const MIN_GIB = 21;
const MAX_GIB = 200;

export const TD06_FARGATE_EPHEMERAL_STORAGE: ResourceRule = {
  id: 'ECS-TD-06',
  title: 'Fargate ephemeral storage must be 21-200 GiB and needs platform version 1.4.0',
  area: 'task',
  severity: Severity.ERROR,
  description: 'Checks EphemeralStorage.SizeInGiB of Fargate task definitions (21 to 200, whole GiB; the default is 20 GiB) and services with a literal Linux PlatformVersion below 1.4.0 whose task definition sets it.',
  deployError: 'RegisterTaskDefinition fails for a size outside 21-200 GiB; CreateService fails for ephemeral storage on platform versions before 1.4.0.',
  fix: 'Use a SizeInGiB from 21 to 200, or remove EphemeralStorage for the 20 GiB default.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EphemeralStorage.html',
  resourceTypes: [TASK_DEFINITION, SERVICE],
  onlyWith: ['EphemeralStorage', 'PlatformVersion'],
  check(resource, context): RuleIssue[] {
    if (resource.type === SERVICE) {
      const pv = platformVersionBelow140(resource);
      const task = pv ? serviceTask(resource, context) : undefined;
      if (!pv || !task || isWindows(task) !== false || storageSize(task) === undefined) return [];
      return [{
        property: 'Properties/PlatformVersion',
        value: resource.properties.PlatformVersion,
        problem: `Fargate PlatformVersion ${pv} does not support the EphemeralStorage of task definition ${task.logicalId}`,
        allowed: '1.4.0 or LATEST (the default)',
        fix: 'Set PlatformVersion to LATEST or 1.4.0, or remove it.',
      }];
    }
    const size = storageSize(resource);
    if (requiresFargate(resource) !== true || size === undefined) return [];
    if (Number.isInteger(size) && size >= MIN_GIB && size <= MAX_GIB) return [];
    return [{
      property: 'Properties/EphemeralStorage/SizeInGiB',
      value: toObject(resource.properties.EphemeralStorage)?.SizeInGiB,
      problem: `Fargate EphemeralStorage.SizeInGiB ${size} is outside the Fargate range`,
      allowed: `${MIN_GIB}-${MAX_GIB} GiB, whole numbers (omit it for the 20 GiB default)`,
      fix: size < MIN_GIB ? 'Remove EphemeralStorage for the 20 GiB default, or set 21 GiB or more.' : `Use at most ${MAX_GIB} GiB; mount an EFS volume for more space.`,
    }];
  },
};

function storageSize(task: TemplateResource): number | undefined {
  return toNumber(toObject(task.properties.EphemeralStorage)?.SizeInGiB);
}
