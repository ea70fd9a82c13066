import { containerLabel, containerPath, containers } from './container-facts';
import { StackModel } from '../model';
import { HOLE, stringShape } from '../replacement/string-shape';
import { ResourceRule, RuleIssue, Severity } from '../rule';
import { TASK_DEFINITION } from '../task/task-facts';
import { toArray, toObject } from '../values';

/** Environment files a container may list (ECS ContainerDefinition environmentFiles). */
const MAX_ENVIRONMENT_FILES = 10;

export const CT34_ENVIRONMENT_FILES: ResourceRule = {
  id: 'ECS-CT-34',
  title: 'Environment files have a .env extension, at most ten per container',
  area: 'container',
  severity: Severity.WARNING,
  description: 'Flags an EnvironmentFiles entry whose S3 object key does not end in .env, and a container with more than ten environment files: '
    + 'ECS documents both ("You can specify up to ten environment files. The file must have a .env file extension."), and AWS Copilot refused '
    + 'other names for that reason. A warning: the ECS documentation does not say which step rejects such a file. Unresolved values are skipped.',
  deployError: 'The task may fail to start when ECS or its agent refuses the file (an object name without the .env extension, or an eleventh file).',
  fix: 'Name each environment file object with a .env extension (for example config/app.env), and merge files so a container lists ten at most.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-environmentFiles',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['ContainerDefinitions/*/EnvironmentFiles'],
  check(task): RuleIssue[] {
    const issues: RuleIssue[] = [];
    for (const { index, def } of containers(task)) {
      const files = toArray(def.EnvironmentFiles);
      if (!files) continue;
      if (files.length > MAX_ENVIRONMENT_FILES) {
        issues.push({
          property: containerPath(index, 'EnvironmentFiles'),
          value: files.length,
          problem: `${containerLabel(def, index)} lists ${files.length} environment files`,
          allowed: `at most ${MAX_ENVIRONMENT_FILES} environment files per container`,
          fix: `Merge the files of ${containerLabel(def, index)} into ${MAX_ENVIRONMENT_FILES} or fewer.`,
        });
      }
      files.forEach((raw, j) => {
        const key = objectKey(toObject(raw)?.Value, task.stack);
        if (key === undefined || key.endsWith('.env')) return;
        issues.push({
          property: containerPath(index, 'EnvironmentFiles', j, 'Value'),
          value: key,
          problem: `${containerLabel(def, index)} reads environment file ${key}, which has no .env extension`,
          allowed: 'S3 objects whose names end in .env',
          fix: `Rename the object to end in .env (for example ${key.replace(/\.[^./]*$/, '')}.env) and point the container at it.`,
        });
      });
    }
    return issues;
  },
};

/**
 * The object key of an S3 object ARN, as far as the template writes it literally: the whole key, or `.../NAME` when
 * only its end is literal (aws-cdk-lib joins the partition and bucket name in). Undefined when the end is not literal.
 */
function objectKey(value: unknown, stack: StackModel): string | undefined {
  const text = stringShape(value, stack)?.text;
  if (text === undefined || !text.includes(':s3:::')) return undefined;
  const tail = text.slice(text.lastIndexOf(HOLE) + 1);
  const key = /^arn:[^:]*:s3:::[^/]+\/(.+)$/.exec(text)?.[1];
  if (key !== undefined && !key.includes(HOLE)) return key;
  const slash = tail.lastIndexOf('/');
  return slash >= 0 && slash < tail.length - 1 ? `.../${tail.slice(slash + 1)}` : undefined;
}
