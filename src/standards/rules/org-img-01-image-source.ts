import { ECS_EXPRESS, ECS_TASK, fullImageName, imagesOf, OrgRule, patternToRegExp, standardLabel } from './org-rule';
import { Severity } from '../../rules/finding';
import { RuleIssue } from '../../rules/rule';

export const ORG_IMG_01_IMAGE_SOURCE: OrgRule = {
  id: 'ORG-IMG-01',
  title: 'Images come from allowed sources',
  area: 'org',
  severity: Severity.ERROR,
  description: 'Container images (task definitions, and the primary container of Express services) with a literal reference match one of the standard\'s allowed sources. Docker Hub short names count as docker.io. Images built from tokens (e.g. an ECR repository in the same stack) are skipped.',
  deployError: 'Deploys, but pulls code from a registry the organization does not trust (rate limits, unscanned images).',
  fix: 'Use an image from an allowed registry, e.g. the org ECR account or an ECR pull-through cache.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_image',
  resourceTypes: [ECS_TASK, ECS_EXPRESS],
  appliesTo: (s) => (s.allowedImageSources?.length ?? 0) > 0,
  check(resource, _context, standard) {
    const allowed = standard.allowedImageSources ?? [];
    const patterns = allowed.map(patternToRegExp);
    const issues: RuleIssue[] = [];
    for (const { property, label, image } of imagesOf(resource)) {
      if (image === undefined) continue;
      const full = fullImageName(image);
      if (patterns.some((p) => p.test(full) || p.test(image))) continue;
      const hub = full.startsWith('docker.io/') ? ' (a public image from Docker Hub)' : '';
      issues.push({
        property,
        value: image,
        problem: `${label} image '${image}'${hub} is not from a source that ${standardLabel(standard)} allows`,
        allowed: allowed.join(', '),
        fix: 'Copy the image into an allowed registry (or use an ECR pull-through cache rule) and reference it from there',
      });
    }
    return issues;
  },
};
