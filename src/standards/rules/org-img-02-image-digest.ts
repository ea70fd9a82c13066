import { ECS_EXPRESS, ECS_TASK, imagesOf, OrgRule, standardLabel } from './org-rule';
import { Severity } from '../../rules/finding';
import { RuleIssue } from '../../rules/rule';

export const ORG_IMG_02_IMAGE_DIGEST: OrgRule = {
  id: 'ORG-IMG-02',
  title: 'Images are pinned by digest',
  area: 'org',
  severity: Severity.ERROR,
  description: 'Container images (task definitions, and the primary container of Express services) with a literal reference name a digest (@sha256:...), so every deployment runs the same bytes. Token images are skipped.',
  deployError: 'Deploys, but a moved tag changes what runs without a change to the template.',
  fix: 'Reference the image as REPOSITORY@sha256:DIGEST.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-ecs.html#deployment-container-image-stability',
  resourceTypes: [ECS_TASK, ECS_EXPRESS],
  appliesTo: (s) => s.requireImageDigest === true,
  check(resource, _context, standard) {
    const issues: RuleIssue[] = [];
    for (const { property, label, image } of imagesOf(resource)) {
      if (image === undefined || /@sha256:[0-9a-f]{64}$/.test(image)) continue;
      issues.push({
        property,
        value: image,
        problem: `${label} image '${image}' is not pinned by digest (${standardLabel(standard)})`,
        allowed: 'REPOSITORY@sha256:<64 hex digits>',
        fix: `Use '${image.replace(/:[^/:@]+$/, '')}@sha256:DIGEST'`,
      });
    }
    return issues;
  },
};
