import { ResourceRule, RuleIssue, Severity } from '../rule';
import { isUnresolved } from '../values';
import { EXPRESS_API, EXPRESS_SERVICE, usesOwnTaskDefinition } from './express-facts';

export const XM07_IMAGE_REQUIRED: ResourceRule = {
  id: 'ECS-XM-07',
  title: 'Express service has a primary container with an image, or its own task definition',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Without TaskDefinitionArn, PrimaryContainer is required and PrimaryContainer.Image must be a non-empty string (the only required container field).',
  deployError: 'CreateExpressGatewayService fails: primaryContainer (with image) is required.',
  fix: 'Set PrimaryContainer.Image (ExpressService image), or TaskDefinitionArn.',
  source: EXPRESS_API,
  resourceTypes: [EXPRESS_SERVICE],
  check(service): RuleIssue[] {
    if (usesOwnTaskDefinition(service)) return [];
    const raw = service.properties.PrimaryContainer;
    if (raw === undefined) {
      return [{ property: 'Properties/PrimaryContainer', value: undefined, problem: 'Express service has neither PrimaryContainer nor TaskDefinitionArn', allowed: 'PrimaryContainer with an Image, or TaskDefinitionArn', fix: 'Add PrimaryContainer.Image.' }];
    }
    // null: an empty YAML value (`PrimaryContainer:`), which CloudFormation rejects as a type error, not ours to report.
    if (isUnresolved(raw) || typeof raw !== 'object' || raw === null) return [];
    const image = (raw as Record<string, unknown>).Image;
    if (isUnresolved(image) || (typeof image === 'string' && image.trim() !== '') || (image !== undefined && typeof image === 'object')) return [];
    return [{ property: 'Properties/PrimaryContainer/Image', value: image, problem: 'PrimaryContainer has no Image', allowed: 'a non-empty image reference (repository-url/image:tag or @digest)', fix: 'Set PrimaryContainer.Image.' }];
  },
};
