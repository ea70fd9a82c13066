/**
 * What a task must reach before its containers start: the registries of its
 * images, CloudWatch Logs for awslogs, Secrets Manager and SSM for secrets.
 * Values the template does not decide add no need (rules stay silent).
 */
import { TemplateResource } from '../model';
import { RuleContext } from '../rule';
import { containers } from '../task/task-facts';
import { toArray, toObject, toStr } from '../values';

export type ImageSource = 'ecr' | 'internet';

export interface TaskNeeds {
  /** Images by source, with the container name for messages. */
  readonly images: readonly { container: string; image: string; source: ImageSource }[];
  readonly awslogs: boolean;
  readonly secretsManager: boolean;
  readonly ssm: boolean;
}

/**
 * An ECR image URI, literal or as aws-cdk-lib renders it (Fn::Join / Fn::Sub with `.dkr.ecr.`), or a dual-stack
 * one (`<account>.dkr-ecr.<region>.on.aws`, which IPv6-only tasks must use).
 */
export function imageSource(image: unknown): ImageSource | undefined {
  const text = JSON.stringify(image ?? null);
  if (/\.dkr\.ecr[.-]/.test(text) || text.includes('dkr.ecr.') || text.includes('dkr-ecr.')) return 'ecr';
  const literal = toStr(image);
  // Anything else written literally (Docker Hub, ECR Public, ghcr.io, quay.io) is fetched over the internet.
  return literal !== undefined && literal.length > 0 ? 'internet' : undefined;
}

/** Short text of an image for messages. */
export function imageLabel(image: unknown): string {
  return toStr(image) ?? (imageSource(image) === 'ecr' ? 'an ECR image' : 'an unresolved image');
}

export function taskNeeds(task: TemplateResource, ctx: RuleContext): TaskNeeds {
  const images: { container: string; image: string; source: ImageSource }[] = [];
  let awslogs = false;
  let secretsManager = false;
  let ssm = false;
  for (const { def, index } of containers(task)) {
    const name = toStr(def.Name) ?? `#${index}`;
    const source = imageSource(def.Image);
    if (source) images.push({ container: name, image: imageLabel(def.Image), source });
    if (toStr(toObject(def.LogConfiguration)?.LogDriver) === 'awslogs') awslogs = true;
    for (const s of toArray(def.Secrets) ?? []) {
      const kind = secretKind(toObject(s)?.ValueFrom, task, ctx);
      if (kind === 'secretsmanager') secretsManager = true;
      if (kind === 'ssm') ssm = true;
    }
    if (toObject(def.RepositoryCredentials)?.CredentialsParameter !== undefined) secretsManager = true;
  }
  return { images, awslogs, secretsManager, ssm };
}

/** Secrets Manager or SSM Parameter Store, from an ARN, a parameter name or a reference. */
export function secretKind(valueFrom: unknown, task: TemplateResource, ctx: RuleContext): 'secretsmanager' | 'ssm' | undefined {
  const res = ctx.assembly.resolveResource(valueFrom, task.stack);
  if (res?.type === 'AWS::SecretsManager::Secret') return 'secretsmanager';
  if (res?.type === 'AWS::SSM::Parameter') return 'ssm';
  const text = JSON.stringify(valueFrom ?? null);
  if (text.includes(':secretsmanager:')) return 'secretsmanager';
  if (text.includes(':ssm:')) return 'ssm';
  const literal = toStr(valueFrom);
  // A bare name is an SSM parameter in the task's Region.
  return literal !== undefined && !literal.startsWith('arn:') ? 'ssm' : undefined;
}
