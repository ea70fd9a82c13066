import { ECS_TASK, OrgRule, standardLabel } from './org-rule';
import { Severity } from '../../rules/finding';
import { RuleIssue } from '../../rules/rule';
import { containers } from '../../rules/task/task-facts';
import { toStr } from '../../rules/values';

export const ORG_IMG_02_IMAGE_DIGEST: OrgRule = {
  id: 'ORG-IMG-02',
  title: 'Images are pinned by digest',
  area: 'org',
  severity: Severity.ERROR,
  description: 'Container images with a literal reference name a digest (@sha256:...), so every deployment runs the same bytes. Token images are skipped.',
  deployError: 'Deploys, but a moved tag changes what runs without a change to the template.',
  fix: 'Reference the image as REPOSITORY@sha256:DIGEST.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-ecs.html#deployment-container-image-stability',
  resourceTypes: [ECS_TASK],
  appliesTo: (s) => s.requireImageDigest === true,
  check(resource, _context, standard) {
    const issues: RuleIssue[] = [];
    for (const { index: i, def: container } of containers(resource)) {
      const image = toStr(container.Image);
      if (image === undefined || /@sha256:[0-9a-f]{64}$/.test(image)) continue;
      issues.push({
        property: `Properties/ContainerDefinitions/${i}/Image`,
        value: image,
        problem: `Container ${toStr(container.Name) ?? `#${i}`} image '${image}' is not pinned by digest (${standardLabel(standard)})`,
        allowed: 'REPOSITORY@sha256:<64 hex digits>',
        fix: `Use '${image.replace(/:[^/:@]+$/, '')}@sha256:DIGEST'`,
      });
    }
    return issues;
  },
};
