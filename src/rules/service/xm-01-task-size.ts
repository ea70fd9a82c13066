import { ResourceRule, RuleIssue, Severity } from '../rule';
import { EXPRESS_API, EXPRESS_SERVICE } from './express-facts';
import { linuxFargateSizeIssues } from '../task/fargate-linux-size';

/** Express Mode runs FARGATE-compatible Linux tasks: the Fargate Linux size table applies. */
export const XM01_TASK_SIZE: ResourceRule = {
  id: 'ECS-XM-01',
  title: 'Express service cpu/memory is a Fargate Linux size',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Checks Cpu and Memory of AWS::ECS::ExpressGatewayService against the Fargate Linux size table (Express Mode tasks are FARGATE-compatible). Absent or unresolved values are skipped.',
  deployError: 'CreateExpressGatewayService fails: the task definition it registers has no Fargate configuration for the cpu/memory pair.',
  fix: 'Use a Fargate cpu/memory pair (FargateSize.of), e.g. cpu 1024 with 2048-8192 MiB.',
  source: EXPRESS_API,
  resourceTypes: [EXPRESS_SERVICE],
  check(service): RuleIssue[] {
    return linuxFargateSizeIssues('Express service', service.properties.Cpu, service.properties.Memory);
  },
};
