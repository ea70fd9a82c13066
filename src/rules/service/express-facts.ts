/** Reading AWS::ECS::ExpressGatewayService resources (ECS Express Mode). */
import { TemplateResource } from '../model';
import { toObject } from '../values';

export const EXPRESS_SERVICE = 'AWS::ECS::ExpressGatewayService';

/** API and CloudFormation reference of the resource, for rule sources. */
export const EXPRESS_API = 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateExpressGatewayService.html';

/** PrimaryContainer as an object; undefined when absent or unresolved. */
export function primaryContainer(service: TemplateResource): Record<string, unknown> | undefined {
  return toObject(service.properties.PrimaryContainer);
}

/** ScalingTarget as an object; undefined when absent or unresolved. */
export function scalingTarget(service: TemplateResource): Record<string, unknown> | undefined {
  return toObject(service.properties.ScalingTarget);
}

/** Whether the service brings its own task definition (then the task fields must stay out). */
export function usesOwnTaskDefinition(service: TemplateResource): boolean {
  return service.properties.TaskDefinitionArn !== undefined;
}
