import { Stack, Token } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { fail } from '../errors';
import { ECR_PULL_THROUGH_CACHE, isValidPullThroughCachePrefix } from '../rules/tables/ecr-limits';

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
    const repositoryName = `${this.ecrRepositoryPrefix}/${official ? 'library/' : ''}${upstreamRepository}`;
    const id = `Cached${upstreamRepository.replace(/[^A-Za-z0-9]/g, '')}`;
    const existing = this.node.tryFindChild(id) as ecr.IRepository | undefined;
    const repository = existing ?? ecr.Repository.fromRepositoryAttributes(this, id, {
      repositoryName,
      repositoryArn: Stack.of(this).formatArn({ service: 'ecr', resource: 'repository', resourceName: repositoryName }),
    });
    return new PullThroughCacheImage(repository, tagOrDigest, this.rule);
  }
}

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
