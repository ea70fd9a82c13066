import { containerLabel, containerPath, containers } from './container-facts';
import { ecrRepositoryPart } from '../reach/task-needs';
import { repositoryNameIssue } from '../registry/er-01-repository-name';
import { ResourceRule, RuleIssue, Severity } from '../rule';
import { TASK_DEFINITION } from '../task/task-facts';

export const CT35_ECR_IMAGE_REPOSITORY_NAME: ResourceRule = {
  id: 'ECS-CT-35',
  title: 'An ECR image URI names a repository ECR can have',
  area: 'container',
  severity: Severity.ERROR,
  description: 'For a literal Image that is a private ECR URI (<account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>), checks the repository '
    + 'part against ECR\'s repository name format (2-256 lowercase letters and digits with single . _ - / separators), as ECS-ER-01 does for '
    + 'RepositoryName. An uppercase letter is the usual slip (a repository named after a project in CamelCase): ECR cannot hold such a repository, '
    + 'and image references must be lowercase, so the image cannot be pulled. Images built with intrinsics or tokens are skipped.',
  deployError: 'The task definition registers, but tasks stop before the container starts: CannotPullContainerError (an invalid reference format, '
    + 'or no such repository); the service never reaches a steady state.',
  fix: 'Write the repository part as ECR lists the repository (lowercase); better, take the URI from the repository: ContainerImage.fromEcrRepository '
    + 'or repository.imageForTag.',
  source: 'https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreateRepository.html#ECR-CreateRepository-request-repositoryName',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['ContainerDefinitions/*/Image'],
  check(task): RuleIssue[] {
    const issues: RuleIssue[] = [];
    for (const { index, def } of containers(task)) {
      const name = typeof def.Image === 'string' ? ecrRepositoryPart(def.Image) : undefined;
      const issue = name === undefined ? undefined : repositoryNameIssue(name);
      if (!issue) continue;
      issues.push({
        property: containerPath(index, 'Image'),
        value: def.Image,
        problem: `${containerLabel(def, index)} pulls ${def.Image}, whose ${issue.problem}`,
        allowed: `an ECR repository name: ${issue.allowed}`,
        fix: `${issue.fix.replace(/^Use e\.g\. /, 'Use the repository ')} Take the URI from the repository (ContainerImage.fromEcrRepository) to avoid typing it.`,
      });
    }
    return issues;
  },
};
