/**
 * Environment variables the kit itself adds to a task (AWS_REGION on awsvpc EC2 tasks, a worker's queue URL): cdk-nag's
 * AwsSolutions-ECS2 flags every environment variable, so the kit acknowledges it when these are the only ones. Read
 * from the rendered template, so variables added later (addEnvironment, addContainer, overrides) are still flagged.
 */
import { CfnElement, Stack, Validations } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { checkRenderedTemplate } from '../../internal/cdk-internals';

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
  const stack = Stack.of(taskDefinition);
  const id = stack.getLogicalId(taskDefinition.node.defaultChild as CfnElement);
  const own = names;
  checkRenderedTemplate(stack, (template) => {
    const props = (template.Resources?.[id] as { Properties?: { ContainerDefinitions?: unknown } } | undefined)?.Properties;
    const containers = Array.isArray(props?.ContainerDefinitions) ? props.ContainerDefinitions as { Environment?: unknown }[] : [];
    const kitOnly = containers.every((c) => c.Environment === undefined
      || (Array.isArray(c.Environment) && c.Environment.every((e: { Name?: unknown }) => typeof e?.Name === 'string' && own.has(e.Name))));
    if (kitOnly) {
      Validations.of(taskDefinition).acknowledge({ id: 'AwsSolutions::AwsSolutions-ECS2', reason: [...new Set(own.values())].join(' ') });
    }
  });
}
