/**
 * Environment variables the kit itself adds to a task (AWS_REGION on awsvpc EC2 tasks, a worker's queue URL): cdk-nag's
 * AwsSolutions-ECS2 flags every environment variable, so the kit acknowledges it when these are the only ones. Read
 * from the rendered template, so variables added later (addEnvironment, addContainer, overrides) are still flagged.
 */
import { CfnElement, Validations } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { onRenderedProperties } from '../../internal/cdk-internals';

/** The kit's variables of each task definition, by name, with why each is plain configuration. */
const KIT_VARIABLES = new WeakMap<ecs.TaskDefinition, Map<string, string>>();

/** Record that the kit adds `name` to a container of `taskDefinition`; `reason` says why its value is no secret. */
export function kitEnvironmentVariable(taskDefinition: ecs.TaskDefinition, name: string, reason: string): void {
  let names = KIT_VARIABLES.get(taskDefinition);
  if (names) {
    names.set(name, reason);
    return;
  }
  KIT_VARIABLES.set(taskDefinition, names = new Map([[name, reason]]));
  const own = names;
  onRenderedProperties(taskDefinition.node.defaultChild as CfnElement, (properties) => {
    const containers = Array.isArray(properties.ContainerDefinitions) ? properties.ContainerDefinitions as { Environment?: unknown }[] : [];
    const kitOnly = containers.every((c) => c.Environment === undefined
      || (Array.isArray(c.Environment) && c.Environment.every((e: { Name?: unknown }) => typeof e?.Name === 'string' && own.has(e.Name))));
    if (kitOnly) {
      Validations.of(taskDefinition).acknowledge({ id: 'AwsSolutions::AwsSolutions-ECS2', reason: [...new Set(own.values())].join(' ') });
    }
  });
}
