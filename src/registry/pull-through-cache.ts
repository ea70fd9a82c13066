import { Stack, Token } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { checkImageDigest, checkImageTag } from './image-reference';
import { fail } from '../errors';
import { ECR_PULL_THROUGH_CACHE, ECR_REPOSITORY_NAME, isValidPullThroughCachePrefix, isValidRepositoryName } from '../rules/tables/ecr-limits';

/** An upstream registry that ECR can cache. */
export class UpstreamRegistry {
  /** Amazon ECR Public (public.ecr.aws); credentials optional. */
  public static readonly ECR_PUBLIC = new UpstreamRegistry('ecr-public', 'public.ecr.aws', false);
  /** Docker Hub (registry-1.docker.io); needs credentials in Secrets Manager. */
  public static readonly DOCKER_HUB = new UpstreamRegistry('docker-hub', 'registry-1.docker.io', true);

  private constructor(
    /** The CloudFormation `UpstreamRegistry` value, also the default repository prefix. */
    public readonly name: string,
    /** The upstream registry URL. */
    public readonly url: string,
    /** Whether ECR needs credentials for this upstream. */
    public readonly requiresCredentials: boolean,
  ) {}
}

/** Properties of a PullThroughCacheRule. */
export interface PullThroughCacheRuleProps {
  /** The registry to cache. */
  readonly upstream: UpstreamRegistry;
  /**
   * Prefix of the cached repositories in this registry (`docker-hub/library/nginx`).
   * @default - the upstream's name: `ecr-public` or `docker-hub`
   */
  readonly ecrRepositoryPrefix?: string;
  /**
   * Upstream credentials. The secret's name must start with `ecr-pullthroughcache/`, and it holds
   * `{"username": ..., "accessToken": ...}`. Required for Docker Hub.
   * @default - no credentials (allowed for ECR Public only)
   */
  readonly credentials?: secretsmanager.ISecret;
}

/**
 * A pull-through cache rule: images pulled as `<registry>/<prefix>/<upstream path>` are fetched from
 * the upstream once and kept in ECR. At most 50 rules per registry.
 */
export class PullThroughCacheRule extends Construct {
  /** The repository prefix in this registry. */
  public readonly ecrRepositoryPrefix: string;
  private readonly rule: ecr.CfnPullThroughCacheRule;
  private readonly upstream: UpstreamRegistry;

  constructor(scope: Construct, id: string, props: PullThroughCacheRuleProps) {
    super(scope, id);
    this.upstream = props.upstream;
    this.ecrRepositoryPrefix = props.ecrRepositoryPrefix ?? props.upstream.name;
    const prefix = this.ecrRepositoryPrefix;
    if (!Token.isUnresolved(prefix) && !isValidPullThroughCachePrefix(prefix)) {
      fail({
        code: 'KIT-REGISTRY-CACHE-PREFIX',
        problem: `ecrRepositoryPrefix '${prefix}' is not a valid prefix`,
        path: this.node.path,
        allowed: ECR_PULL_THROUGH_CACHE.describePrefix,
        fix: 'Use a short lowercase prefix such as docker-hub.',
      });
    }
    if (props.upstream.requiresCredentials && !props.credentials) {
      fail({
        code: 'KIT-REGISTRY-CACHE-CREDENTIALS',
        problem: `upstream ${props.upstream.name} has no credentials`,
        path: this.node.path,
        allowed: `a Secrets Manager secret named ${ECR_PULL_THROUGH_CACHE.secretNamePrefix}...`,
        fix: 'Store the upstream user name and access token in Secrets Manager and pass the secret as credentials.',
      });
    }
    // A secret of this app has a token secretName: its name is the L1's, and CloudFormation makes one up when unset.
    const created = props.credentials?.node.defaultChild;
    const secretName = created instanceof secretsmanager.CfnSecret ? createdSecretName(created) : props.credentials?.secretName;
    if (secretName !== undefined && !Token.isUnresolved(secretName) && !secretName.startsWith(ECR_PULL_THROUGH_CACHE.secretNamePrefix)) {
      fail({
        code: 'KIT-REGISTRY-CACHE-CREDENTIALS',
        problem: secretName === ''
          ? `credentials secret ${props.credentials!.node.path} has no secretName, so CloudFormation names it without ${ECR_PULL_THROUGH_CACHE.secretNamePrefix}`
          : `credentials secret '${secretName}' does not start with ${ECR_PULL_THROUGH_CACHE.secretNamePrefix}`,
        path: this.node.path,
        allowed: `secret names starting with ${ECR_PULL_THROUGH_CACHE.secretNamePrefix}`,
        fix: `Name the secret ${ECR_PULL_THROUGH_CACHE.secretNamePrefix}${props.upstream.name} (secretName).`,
      });
    }
    this.rule = new ecr.CfnPullThroughCacheRule(this, 'Resource', {
      ecrRepositoryPrefix: prefix,
      upstreamRegistry: props.upstream.name,
      upstreamRegistryUrl: props.upstream.url,
      credentialArn: props.credentials?.secretArn,
    });
  }

  /**
   * An image pulled through this cache: `upstreamRepository` is the path on the upstream
   * (`nginx/nginx-unprivileged` for `public.ecr.aws/nginx/nginx-unprivileged`). Tasks then pull
   * from this account's ECR, so they need only the ECR VPC endpoints, not internet access. The
   * execution role gets pull access to the cached repository, plus the two actions the first
   * pull needs (ecr:BatchImportUpstreamImage, ecr:CreateRepository), scoped to that repository.
   * On Docker Hub an official image named without a namespace (`nginx`) becomes `library/nginx`, the path
   * ECR caches it under (pull-through-cache-working.html).
   */
  public containerImage(upstreamRepository: string, tagOrDigest: string): ecs.ContainerImage {
    // Docker's CLI adds library/ itself; ECR's pull-through cache does not, and the pull fails without it.
    const official = this.upstream === UpstreamRegistry.DOCKER_HUB && !Token.isUnresolved(upstreamRepository) && !upstreamRepository.includes('/');
    // ECR assumes a / after every prefix; ROOT caches without a prefix (pull-through-cache-private-wildcards.html).
    const prefix = this.ecrRepositoryPrefix.replace(/\/$/, '');
    const repositoryName = `${prefix === 'ROOT' ? '' : `${prefix}/`}${official ? 'library/' : ''}${upstreamRepository}`;
    this.validateImage(upstreamRepository, repositoryName, tagOrDigest);
    const id = `Cached${upstreamRepository.replace(/[^A-Za-z0-9]/g, '')}`;
    const existing = this.node.tryFindChild(id) as ecr.IRepository | undefined;
    const repository = existing ?? ecr.Repository.fromRepositoryAttributes(this, id, {
      repositoryName,
      repositoryArn: Stack.of(this).formatArn({ service: 'ecr', resource: 'repository', resourceName: repositoryName }),
    });
    return new PullThroughCacheImage(repository, tagOrDigest, this.rule);
  }

  /** The upstream path is a repository path on the upstream (no host), the cached name is an ECR name, the tag or digest is valid. */
  private validateImage(upstreamRepository: string, repositoryName: string, tagOrDigest: string): void {
    if (!Token.isUnresolved(upstreamRepository)) {
      const host = UPSTREAM_HOSTS.find((h) => upstreamRepository.toLowerCase().startsWith(`${h}/`));
      if (host !== undefined) {
        fail({
          code: 'KIT-REGISTRY-CACHE-REPOSITORY',
          problem: `upstreamRepository '${upstreamRepository}' starts with the registry host ${host}`,
          path: this.node.path,
          allowed: `the repository path on the upstream, without its host (the rule already names ${this.upstream.url})`,
          fix: `Pass '${upstreamRepository.slice(host.length + 1)}'.`,
        });
      }
      if (!ECR_REPOSITORY_NAME.pattern.test(upstreamRepository) || (!Token.isUnresolved(repositoryName) && !isValidRepositoryName(repositoryName))) {
        const lower = upstreamRepository.toLowerCase();
        fail({
          code: 'KIT-REGISTRY-CACHE-REPOSITORY',
          problem: `upstreamRepository '${upstreamRepository}' does not make a valid ECR repository name ('${repositoryName}')`,
          path: this.node.path,
          allowed: ECR_REPOSITORY_NAME.describe,
          fix: lower !== upstreamRepository && ECR_REPOSITORY_NAME.pattern.test(lower)
            ? `Use '${lower}': registries store repository names in lowercase.`
            : 'Pass the repository path as the upstream shows it, such as nginx/nginx-unprivileged.',
        });
      }
    }
    if (tagOrDigest.startsWith('sha256:')) checkImageDigest(this.node.path, tagOrDigest, 'Use the digest the upstream registry shows for the image.');
    else checkImageTag(this.node.path, tagOrDigest, 'Use the tag as the upstream registry shows it, such as 1.27, or pin a digest.', true);
  }
}

/** Registry hosts a user may paste in front of an upstream path by mistake. */
const UPSTREAM_HOSTS = [UpstreamRegistry.ECR_PUBLIC.url, UpstreamRegistry.DOCKER_HUB.url, 'docker.io', 'index.docker.io'];

/** An ECR image whose first pull imports it from the upstream registry. */
class PullThroughCacheImage extends ecs.EcrImage {
  constructor(private readonly cachedRepository: ecr.IRepository, tagOrDigest: string, private readonly rule: Construct) {
    super(cachedRepository, tagOrDigest);
  }

  public bind(scope: Construct, containerDefinition: ecs.ContainerDefinition): ecs.ContainerImageConfig {
    const config = super.bind(scope, containerDefinition);
    containerDefinition.taskDefinition.obtainExecutionRole().addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['ecr:BatchImportUpstreamImage', 'ecr:CreateRepository'],
      resources: [this.cachedRepository.repositoryArn],
    }));
    // Tasks launched before the rule exists would pull a repository that cannot fill.
    containerDefinition.taskDefinition.node.addDependency(this.rule);
    return config;
  }
}

/** The name a secret of this app gets: '' when CloudFormation generates it (secretName unset). */
function createdSecretName(secret: secretsmanager.CfnSecret): string | undefined {
  // Unset, the name is a lazy physical name that resolves to nothing (or, used across environments, a generated one).
  const name = Token.isUnresolved(secret.name) ? Stack.of(secret).resolve(secret.name) : secret.name;
  if (name === undefined) return '';
  return typeof name === 'string' ? name : secret.name;
}
