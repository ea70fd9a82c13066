import { ResourceRule, RuleIssue, Severity } from '../rule';
import { TASK_DEFINITION } from '../task/task-facts';
import { toNumber } from '../values';
import { containerLabel, containerPath, containers } from './container-facts';
import { fargateContainerNamer } from './fargate-containers';

/** The largest stopTimeout Fargate honours, in seconds. */
const FARGATE_MAX_STOP_TIMEOUT = 120;

export const CT29_FARGATE_STOP_TIMEOUT: ResourceRule = {
  id: 'ECS-CT-29',
  title: 'Fargate stopTimeout is at most 120 seconds',
  area: 'container',
  severity: Severity.WARNING,
  description: 'Checks a literal StopTimeout of containers in task definitions that require FARGATE or that a Fargate service runs: for tasks on Fargate the maximum stop timeout is 120 seconds. The API reference gives the maximum but does not say RegisterTaskDefinition rejects a larger value, so this is a warning.',
  deployError: 'No deploy error is documented, but ECS stops the task after 120 s anyway: a container that needs longer to shut down (drain connections, finish work) is killed with SIGKILL at 120 seconds on Fargate.',
  fix: 'Set StopTimeout to 120 seconds or less and make the container finish its shutdown within it, or run the task on EC2 (where ECS_CONTAINER_STOP_TIMEOUT and stopTimeout allow longer).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-stopTimeout',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['ContainerDefinitions/*/StopTimeout'],
  check(task, context): RuleIssue[] {
    const fargate = fargateContainerNamer(task, context);
    const issues: RuleIssue[] = [];
    for (const { index, def } of containers(task)) {
      const seconds = toNumber(def.StopTimeout);
      if (seconds === undefined || seconds <= FARGATE_MAX_STOP_TIMEOUT) continue;
      const who = fargate.name(def, index);
      if (who === undefined) continue;
      issues.push({
        property: containerPath(index, 'StopTimeout'),
        value: def.StopTimeout,
        problem: `${who} sets StopTimeout ${seconds} s, above the Fargate maximum of ${FARGATE_MAX_STOP_TIMEOUT} s`,
        allowed: `at most ${FARGATE_MAX_STOP_TIMEOUT} seconds on Fargate`,
        fix: `Set StopTimeout of ${containerLabel(def, index)} to ${FARGATE_MAX_STOP_TIMEOUT} or less (ECS stops it after ${FARGATE_MAX_STOP_TIMEOUT} s on Fargate anyway), or run the task on EC2.`,
      });
    }
    return issues;
  },
};
