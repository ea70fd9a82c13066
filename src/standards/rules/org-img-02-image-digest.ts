import { ECS_EXPRESS, ECS_TASK, imagesOf, OrgRule, standardLabel } from './org-rule';
import { Severity } from '../../rules/finding';
import { RuleIssue } from '../../rules/rule';

const DIGEST = /@sha256:[0-9a-f]{64}$/;

export const ORG_IMG_02_IMAGE_DIGEST: OrgRule = {
  id: 'ORG-IMG-02',
  title: 'Images are pinned by digest',
  area: 'org',
  severity: Severity.ERROR,
  description: 'Container images (task definitions, and the primary container of Express services) name a digest (@sha256:...), so every deployment runs the same bytes. A literal reference must end in @sha256:<64 hex digits>; an unresolved one built by Fn::Join (an ECR repository of the app, e.g. repository.repositoryUriForTag, imageForTag, a pull-through cache image) is flagged when its literal end is a tag. Other token images (Fn::Sub asset images, parameters) are skipped.',
  deployError: 'Deploys, but a moved tag changes what runs without a change to the template.',
  fix: 'Reference the image as REPOSITORY@sha256:DIGEST.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-ecs.html#deployment-container-image-stability',
  resourceTypes: [ECS_TASK, ECS_EXPRESS],
  appliesTo: (s) => s.requireImageDigest === true,
  check(resource, _context, standard) {
    const issues: RuleIssue[] = [];
    for (const { property, label, image, literalTail, value } of imagesOf(resource)) {
      if (image !== undefined) {
        if (DIGEST.test(image)) continue;
        issues.push({
          property,
          value: image,
          problem: `${label} image '${image}' is not pinned by digest (${standardLabel(standard)})`,
          allowed: 'REPOSITORY@sha256:<64 hex digits>',
          fix: `Use '${image.replace(/:[^/:@]+$/, '')}@sha256:DIGEST'`,
        });
        continue;
      }
      // An ECR repository of the app: the URI is a token, but the tag it ends with is literal.
      const tag = literalTail === undefined || DIGEST.test(literalTail) ? undefined : /:([^/:@]+)$/.exec(literalTail)?.[1];
      if (tag === undefined) continue;
      issues.push({
        property,
        value,
        problem: `${label} image of a repository of the app is pinned by tag '${tag}', not by digest (${standardLabel(standard)})`,
        allowed: 'REPOSITORY@sha256:<64 hex digits>',
        fix: 'Pin the digest your pipeline pushed: secureRepository.imageForDigest(\'sha256:DIGEST\'), or ContainerImage.fromEcrRepository(repo, \'sha256:DIGEST\').',
      });
    }
    return issues;
  },
};
