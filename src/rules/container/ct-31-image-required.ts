import { ResourceRule, RuleIssue, Severity } from '../rule';
import { containerLabel, containerPath, containers } from './container-facts';
import { TASK_DEFINITION } from '../task/task-facts';

export const CT31_IMAGE_REQUIRED: ResourceRule = {
  id: 'ECS-CT-31',
  title: 'Every container needs an image',
  area: 'container',
  severity: Severity.ERROR,
  description: 'Flags a container definition without Image, or with an empty or blank Image (a build variable that was not set: '
    + '`image: "${IMAGE}"` rendered from an empty environment variable, an empty task definition JSON field). A missing Image is also '
    + 'a schema error of the built-in validator (F3003); an empty one is not.',
  deployError: 'RegisterTaskDefinition fails: "ClientException: Container.image should not be null or empty."',
  fix: 'Set the container\'s image (ContainerImage.fromRegistry, fromEcrRepository or fromAsset); check the variable the image name comes from.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html',
  resourceTypes: [TASK_DEFINITION],
  check(task): RuleIssue[] {
    const issues: RuleIssue[] = [];
    for (const { index, def } of containers(task)) {
      const image = def.Image;
      if (image !== undefined && (typeof image !== 'string' || image.trim() !== '')) continue;
      issues.push({
        property: containerPath(index, 'Image'),
        value: image ?? '(not set)',
        problem: image === undefined ? `${containerLabel(def, index)} has no Image` : `${containerLabel(def, index)} has an empty Image`,
        allowed: 'an image reference, e.g. public.ecr.aws/nginx/nginx:1.27 or an ECR repository URI with a tag or digest',
        fix: `Set the image of ${containerLabel(def, index)}; if it comes from a variable, check that the variable is set where synth runs.`,
        ...(image === undefined ? { builtInOverlap: 'F3003' } : {}),
      });
    }
    return issues;
  },
};
