/**
 * What a task must reach before its containers start: the registries of its
 * images, CloudWatch Logs for awslogs, Secrets Manager and SSM for secrets.
 * Values the template does not decide add no need (rules stay silent).
 */
import { StackModel, TemplateResource } from '../model';
import { HOLE, stringShape } from '../replacement/string-shape';
import { RuleContext } from '../rule';
import { containers, containerSecrets } from '../task/task-facts';
import { toArray, toObject, toStr } from '../values';

export type ImageSource = 'ecr' | 'internet';

export interface TaskNeeds {
  /**
   * Images by source, with the container name for messages; `region` for a private ECR image whose URI names its
   * Region literally (another Region's registry is reached through that Region's endpoints).
   */
  readonly images: readonly { container: string; image: string; source: ImageSource; region?: string }[];
  readonly awslogs: boolean;
  readonly secretsManager: boolean;
  readonly ssm: boolean;
}

/**
 * An ECR image URI, literal or as aws-cdk-lib renders it (Fn::Join / Fn::Sub with `.dkr.ecr.`), or a dual-stack
 * one (`<account>.dkr-ecr.<region>.on.aws`, which IPv6-only tasks must use).
 */
export function imageSource(image: unknown, stack?: StackModel): ImageSource | undefined {
  const text = JSON.stringify(image ?? null);
  if (/\.dkr\.ecr[.-]/.test(text) || text.includes('dkr.ecr.') || text.includes('dkr-ecr.')) return 'ecr';
  const literal = toStr(image) ?? (stack ? decidedPrefix(image, stack) : undefined);
  // Anything else written literally (Docker Hub, ECR Public, ghcr.io, quay.io) is fetched over the internet.
  return literal !== undefined && literal.length > 0 ? 'internet' : undefined;
}

/**
 * The literal start of an image built with Fn::Sub or Fn::Join (`public.ecr.aws/nginx/nginx:${Tag}`) when it already
 * decides the registry: it holds a `/` (the registry host, or a Docker Hub namespace) or a `:` (a tag after a Docker Hub
 * name). Only the tag or digest is left to a parameter then.
 */
function decidedPrefix(image: unknown, stack: StackModel): string | undefined {
  const prefix = stringShape(image, stack)?.text.split(HOLE)[0];
  return prefix !== undefined && /[/:]/.test(prefix) ? prefix : undefined;
}

/** A private ECR repository named by a literal image URI. */
export interface EcrImageUri {
  readonly account: string;
  readonly region: string;
  readonly partition: string;
  /** The repository name (with its namespace), without tag or digest. */
  readonly repositoryName: string;
  /**
   * True when the URI names the deploying stack's own account and Region (AWS::AccountId, AWS::Region: a repository
   * imported by name in an env-agnostic stack); `account` and `region` are then those pseudo parameters' names.
   */
  readonly stackScoped?: boolean;
}

/** A private ECR image URI: account, Region, `.cn`, and the repository part as written (any case), without tag or digest. */
const ECR_IMAGE = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?\/([^:@]+)(?:[:@].*)?$/;
/** A repository part an image reference can have (lowercase; ECS-CT-35 judges the rest). */
const REPOSITORY_PART = /^[a-z0-9][a-z0-9._/-]*$/;

/** The repository part of a private ECR image URI as written (any case), or undefined for another image. */
export function ecrRepositoryPart(image: string): string | undefined {
  return ECR_IMAGE.exec(image)?.[4];
}

/** `<account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn]/<name>[:tag|@digest]`, else undefined. */
export function parseEcrImageUri(image: string): EcrImageUri | undefined {
  const m = ECR_IMAGE.exec(image);
  if (!m || !REPOSITORY_PART.test(m[4])) return undefined;
  const [, account, region, china, repositoryName] = m;
  const partition = china ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
  return { account, region, partition, repositoryName };
}

const URL_SUFFIX = 'amazonaws.com';
/** Stand-ins for the deploying stack's account and Region in a joined URI: not digits or a Region, so parseEcrImageUri rejects them. */
const JOINED_REFS: ReadonlyMap<string, string> = new Map([['AWS::URLSuffix', URL_SUFFIX], ['AWS::AccountId', '{AWS::AccountId}'], ['AWS::Region', '{AWS::Region}']]);
const STACK_HOST = `${JOINED_REFS.get('AWS::AccountId')}.dkr.ecr.${JOINED_REFS.get('AWS::Region')}.${URL_SUFFIX}/`;

/**
 * An ECR image URI written literally or as aws-cdk-lib writes one for an imported repository (`repository.repositoryUriForTag`):
 * joined from literals and `AWS::URLSuffix` (imported by ARN, or by name in an environment-bound stack), or from `AWS::AccountId`,
 * `AWS::Region` and `AWS::URLSuffix` (imported by name in an env-agnostic stack: `stackScoped`); else undefined.
 */
export function ecrImageUri(image: unknown): EcrImageUri | undefined {
  if (typeof image === 'string') return parseEcrImageUri(image);
  const text = joinedText(image);
  if (text === undefined) return undefined;
  if (!text.startsWith(STACK_HOST)) return parseEcrImageUri(text);
  const m = /^([^:@]+)(?:[:@].*)?$/.exec(text.slice(STACK_HOST.length));
  return m && REPOSITORY_PART.test(m[1])
    ? { account: 'AWS::AccountId', region: 'AWS::Region', partition: 'aws', repositoryName: m[1], stackScoped: true } : undefined;
}

/**
 * The string of an Fn::Join of literals and Ref AWS::URLSuffix / AWS::AccountId / AWS::Region (those two as JOINED_REFS
 * stand-ins), or of an Fn::Sub of ${AWS::URLSuffix} only, with the URL suffix of its Region's partition; else undefined.
 */
function joinedText(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const obj = value as Record<string, unknown>;
  let parts: unknown[] | undefined;
  const join = toArray(obj['Fn::Join']);
  if (join && join[0] === '' && Array.isArray(join[1])) parts = join[1];
  else if (typeof obj['Fn::Sub'] === 'string') parts = obj['Fn::Sub'].split('${AWS::URLSuffix}').flatMap((p, i) => (i === 0 ? [p] : [URL_SUFFIX, p]));
  if (!parts) return undefined;
  const text = parts.map((p) => (typeof p === 'string' ? p : JOINED_REFS.get(refName(p) ?? '')));
  if (text.includes(undefined) || text.join('').includes('${')) return undefined;
  const joined = text.join('');
  // China Regions' suffix is amazonaws.com.cn.
  return /\.dkr\.ecr(?:-fips)?\.cn-/.test(joined) ? joined.replace(URL_SUFFIX, `${URL_SUFFIX}.cn`) : joined;
}

/** The name of a one-key `{ Ref: name }`, else undefined. */
function refName(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Object.keys(value).length !== 1) return undefined;
  const ref = (value as { Ref?: unknown }).Ref;
  return typeof ref === 'string' ? ref : undefined;
}

/** Short text of an image for messages. */
export function imageLabel(image: unknown): string {
  const sub = image && typeof image === 'object' ? (image as Record<string, unknown>)['Fn::Sub'] : undefined;
  const template = Array.isArray(sub) ? sub[0] : sub;
  return toStr(image) ?? (typeof template === 'string' ? template : imageSource(image) === 'ecr' ? 'an ECR image' : 'an unresolved image');
}

export function taskNeeds(task: TemplateResource, ctx: RuleContext): TaskNeeds {
  return containerNeeds(containers(task).map(({ def, index }) => ({ name: toStr(def.Name) ?? `#${index}`, def })), task, ctx);
}

/**
 * The needs of an Express service's primary container: its image, its secrets and registry credentials, and CloudWatch Logs,
 * which Express Mode always ships the container's output to (it creates a log group when AwsLogsConfiguration is absent).
 */
export function expressContainerNeeds(container: Record<string, unknown>, service: TemplateResource, ctx: RuleContext): TaskNeeds {
  const needs = containerNeeds([{ name: 'primary container', def: container }], service, ctx);
  return { ...needs, awslogs: true };
}

/** `from` is the resource the containers are in, for resolving images and secret references in its stack. */
function containerNeeds(list: readonly { name: string; def: Record<string, unknown> }[], from: TemplateResource, ctx: RuleContext): TaskNeeds {
  const images: { container: string; image: string; source: ImageSource; region?: string }[] = [];
  let awslogs = false;
  let secretsManager = false;
  let ssm = false;
  for (const { name, def } of list) {
    const source = imageSource(def.Image, from.stack);
    const uri = source === 'ecr' ? ecrImageUri(def.Image) : undefined;
    if (source) images.push({ container: name, image: imageLabel(def.Image), source, ...uri && !uri.stackScoped ? { region: uri.region } : {} });
    if (toStr(toObject(def.LogConfiguration)?.LogDriver) === 'awslogs') awslogs = true;
    for (const s of containerSecrets(def)) {
      const kind = secretKind(toObject(s)?.ValueFrom, from, ctx);
      if (kind === 'secretsmanager') secretsManager = true;
      if (kind === 'ssm') ssm = true;
    }
    if (toObject(def.RepositoryCredentials)?.CredentialsParameter !== undefined) secretsManager = true;
  }
  return { images, awslogs, secretsManager, ssm };
}

/** Secrets Manager or SSM Parameter Store, from an ARN, a parameter name or a reference. */
export function secretKind(valueFrom: unknown, from: TemplateResource, ctx: RuleContext): 'secretsmanager' | 'ssm' | undefined {
  const res = ctx.assembly.resolveResource(valueFrom, from.stack);
  if (res?.type === 'AWS::SecretsManager::Secret') return 'secretsmanager';
  if (res?.type === 'AWS::SSM::Parameter') return 'ssm';
  const text = JSON.stringify(valueFrom ?? null);
  if (text.includes(':secretsmanager:')) return 'secretsmanager';
  if (text.includes(':ssm:')) return 'ssm';
  const literal = toStr(valueFrom);
  // A bare name is an SSM parameter in the task's Region.
  return literal !== undefined && !literal.startsWith('arn:') ? 'ssm' : undefined;
}
