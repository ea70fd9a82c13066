import { ResourceRule, RuleIssue, Severity } from '../rule';
import { fargateRow } from '../tables/fargate-sizes';
import { parseCpuUnits } from '../values';
import { platformVersionBelow140, SERVICE } from './service-facts';
import { isWindows } from './task-facts';
import { serviceTask } from '../service/service-facts';

export const TD03_LARGE_FARGATE_PLATFORM_VERSION: ResourceRule = {
  id: 'ECS-TD-03',
  title: '8 and 16 vCPU Fargate tasks need Linux platform version 1.4.0 or later',
  area: 'task',
  severity: Severity.ERROR,
  description: 'Checks services with a literal PlatformVersion below 1.4.0 whose task definition asks for 8192 or 16384 cpu. LATEST and an omitted PlatformVersion are fine.',
  deployError: 'CreateService/UpdateService fails or tasks never start: 8 and 16 vCPU sizes are not available before Linux platform version 1.4.0.',
  fix: 'Use PlatformVersion 1.4.0 or LATEST, or a smaller task size.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html#ECS-RegisterTaskDefinition-request-memory',
  resourceTypes: [SERVICE],
  onlyWith: ['PlatformVersion'],
  check(service, context): RuleIssue[] {
    const pv = platformVersionBelow140(service);
    const task = pv ? serviceTask(service, context) : undefined;
    if (!pv || !task || isWindows(task) !== false) return [];
    const cpu = parseCpuUnits(task.properties.Cpu);
    if (cpu === undefined || !fargateRow(cpu, false)?.requiresPlatform140) return [];
    return [{
      property: 'Properties/PlatformVersion',
      value: service.properties.PlatformVersion,
      problem: `Fargate PlatformVersion ${pv} cannot run task definition ${task.logicalId} with cpu ${cpu} (${cpu / 1024} vCPU)`,
      allowed: '1.4.0 or LATEST (the default)',
      fix: 'Set PlatformVersion to LATEST or 1.4.0, or remove it.',
    }];
  },
};
