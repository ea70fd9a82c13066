import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as fc from 'fast-check';
import { EcsChecks } from '../../src/plugin';
import {
  PullThroughCacheRule, RegistryReplication, RegistryScanning, RegistryScanType, ReplicationRule, ScanFrequency, SecureRepository, UpstreamRegistry,
} from '../../src/registry';
import { ECR_LIMITS, ECR_SCANNING_FILTER } from '../../src/rules/tables/ecr-limits';

const ENV = { account: '111111111111', region: 'us-east-1' };

function stack(): Stack {
  return new Stack(new App(), 'Stack', { env: ENV });
}

function synthError(s: Stack): string {
  try {
    Template.fromStack(s);
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

describe('RegistryReplication', () => {
  test('renders rules, defaults the registry to the stack account, and adds rules later', () => {
    const s = stack();
    const replication = new RegistryReplication(s, 'Replication', {
      rules: [{ destinations: [{ region: 'eu-west-1' }, { region: 'us-west-2', account: '222222222222' }], repositoryPrefixes: ['prod/'] }],
    });
    replication.addRule({ destinations: [{ region: 'ap-southeast-2' }] });
    const t = Template.fromStack(s);
    t.hasResourceProperties('AWS::ECR::ReplicationConfiguration', {
      ReplicationConfiguration: {
        Rules: [
          {
            Destinations: [{ Region: 'eu-west-1', RegistryId: '111111111111' }, { Region: 'us-west-2', RegistryId: '222222222222' }],
            RepositoryFilters: [{ Filter: 'prod/', FilterType: 'PREFIX_MATCH' }],
          },
          { Destinations: [{ Region: 'ap-southeast-2', RegistryId: '111111111111' }], RepositoryFilters: Match.absent() },
        ],
      },
    });
    expect(t.toJSON()).toMatchSnapshot();
  });

  test('construction errors: no destination, bad account, bad prefix', () => {
    const r = new RegistryReplication(stack(), 'Replication');
    expect(() => r.addRule({ destinations: [] })).toThrow('[KIT-REGISTRY-REPLICATION-DESTINATION] a replication rule has no destinations (destinations: []) at Stack/Replication');
    expect(() => r.addRule({ destinations: [{ region: 'eu-west-1', account: '12' }] })).toThrow(/KIT-REGISTRY-ACCOUNT-ID/);
    expect(() => r.addRule({ destinations: [{ region: 'eu-west-1' }], repositoryPrefixes: ['Prod'] }))
      .toThrow("[KIT-REGISTRY-REPLICATION-FILTER] repositoryPrefixes entry 'Prod' is not a valid PREFIX_MATCH filter");
  });

  test(`ECS-ER-15 at synth: more than ${ECR_LIMITS.replicationRules} rules`, () => {
    const s = stack();
    const rules: ReplicationRule[] = Array.from({ length: ECR_LIMITS.replicationRules + 1 }, () => ({ destinations: [{ region: 'eu-west-1' }] }));
    new RegistryReplication(s, 'Replication', { rules });
    expect(synthError(s)).toMatch(/\[ECS-ER-15\] replication configuration has 26 rules at Stack\/Replication; allowed: at most 25 rules/);
  });

  test(`ECS-ER-15 at synth: more than ${ECR_LIMITS.replicationDestinations} destinations in a rule`, () => {
    const s = stack();
    const destinations = Array.from({ length: ECR_LIMITS.replicationDestinations + 1 }, (_, i) => ({
      region: 'eu-west-1', account: String(100000000000 + i),
    }));
    new RegistryReplication(s, 'Replication', { rules: [{ destinations }] });
    expect(synthError(s)).toMatch(/\[ECS-ER-15\] replication rule #0 has 101 destinations/);
  });

  test('fast-check: filters per rule fail synth exactly above the quota', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: ECR_LIMITS.replicationFiltersPerRule + 20 }), (n) => {
      const s = stack();
      const repositoryPrefixes = Array.from({ length: n }, (_, i) => `team${i}/`);
      new RegistryReplication(s, 'Replication', { rules: [{ destinations: [{ region: 'eu-west-1' }], repositoryPrefixes }] });
      const error = synthError(s);
      if (n > ECR_LIMITS.replicationFiltersPerRule) expect(error).toMatch(new RegExp(`\\[ECS-ER-15\\] replication rule #0 has ${n} repository filters`));
      else expect(error).toBe('');
    }), { numRuns: 25 });
  });
});

describe('RegistryScanning', () => {
  test('defaults to ENHANCED continuous scanning of every repository', () => {
    const s = stack();
    new RegistryScanning(s, 'Scanning');
    const t = Template.fromStack(s);
    t.hasResourceProperties('AWS::ECR::RegistryScanningConfiguration', {
      ScanType: 'ENHANCED',
      Rules: [{ ScanFrequency: 'CONTINUOUS_SCAN', RepositoryFilters: [{ Filter: '*', FilterType: 'WILDCARD' }] }],
    });
    expect(t.toJSON()).toMatchSnapshot();
  });

  test('BASIC defaults to scan on push; explicit rules and filters pass through', () => {
    const s = stack();
    new RegistryScanning(s, 'Basic', { scanType: RegistryScanType.BASIC });
    Template.fromStack(s).hasResourceProperties('AWS::ECR::RegistryScanningConfiguration', {
      ScanType: 'BASIC', Rules: [{ ScanFrequency: 'SCAN_ON_PUSH', RepositoryFilters: [{ Filter: '*', FilterType: 'WILDCARD' }] }],
    });
    const s2 = stack();
    new RegistryScanning(s2, 'Enhanced', {
      rules: [{ frequency: ScanFrequency.SCAN_ON_PUSH, repositoryFilters: ['dev/*'] }, { frequency: ScanFrequency.CONTINUOUS_SCAN, repositoryFilters: ['prod/*'] }],
    });
    Template.fromStack(s2).hasResourceProperties('AWS::ECR::RegistryScanningConfiguration', {
      Rules: [Match.objectLike({ ScanFrequency: 'SCAN_ON_PUSH' }), Match.objectLike({ ScanFrequency: 'CONTINUOUS_SCAN' })],
    });
  });

  // ECR ignores a repository's scanOnPush under ENHANCED registry scanning (ECS-ER-14), but Control Tower CT.ECR.PR.2
  // requires it on every repository: the kit keeps it and acknowledges the warning with that reason.
  test.each([['scanning first', true], ['repository first', false]])(
    'a SecureRepository under ENHANCED registry scanning keeps scanOnPush; ECS-ER-14 is acknowledged with the reason (%s)', (_label, scanningFirst) => {
      const app = new App();
      const scanning = () => new RegistryScanning(new Stack(app, 'Registry'), 'Scanning', { scanType: RegistryScanType.ENHANCED });
      if (scanningFirst) scanning();
      const repos = new Stack(app, 'Repos');
      new SecureRepository(repos, 'Repo');
      if (!scanningFirst) scanning();
      const report = EcsChecks.check(app);
      expect(report.findings.filter((f) => f.ruleId === 'ECS-ER-14')).toEqual([]);
      expect(report.acknowledged.map((a) => [a.finding.ruleId, a.reason])).toEqual([['ECS-ER-14', expect.stringContaining('Control Tower CT.ECR.PR.2 requires')]]);
      Template.fromStack(repos).hasResourceProperties('AWS::ECR::Repository', { ImageScanningConfiguration: { ScanOnPush: true } });
    });

  test('no acknowledgement without ENHANCED scanning of the same registry: BASIC, or another account', () => {
    const app = new App();
    new RegistryScanning(new Stack(app, 'Basic'), 'Scanning', { scanType: RegistryScanType.BASIC });
    new RegistryScanning(new Stack(app, 'Other', { env: { account: '222222222222', region: 'eu-west-1' } }), 'Scanning');
    new SecureRepository(new Stack(app, 'Repos', { env: { account: '111111111111', region: 'eu-west-1' } }), 'Repo');
    expect(EcsChecks.check(app).acknowledged).toEqual([]);
  });

  test('construction errors: BASIC with continuous scanning, bad filter', () => {
    expect(() => new RegistryScanning(stack(), 'Scanning', {
      scanType: RegistryScanType.BASIC, rules: [{ frequency: ScanFrequency.CONTINUOUS_SCAN }],
    })).toThrow('[KIT-REGISTRY-SCAN-FREQUENCY] scan frequency CONTINUOUS_SCAN with scan type BASIC at Stack/Scanning');
    expect(() => new RegistryScanning(stack(), 'Scanning', { rules: [{ frequency: ScanFrequency.SCAN_ON_PUSH, repositoryFilters: ['Prod/*'] }] }))
      .toThrow("[KIT-REGISTRY-SCAN-FILTER] repositoryFilters entry 'Prod/*' is not a valid scanning filter");
  });

  // ECR API reference, RegistryScanningConfiguration.rules: "Maximum number of 2 items" (ECS-ER-19 checks the template too).
  test('construction error: more than 2 rules (ECS-ER-19); 2 rules are fine', () => {
    const rules = (n: number) => Array.from({ length: n }, (_, i) => ({ frequency: ScanFrequency.SCAN_ON_PUSH, repositoryFilters: [`team${i}/*`] }));
    expect(() => new RegistryScanning(stack(), 'Scanning', { rules: rules(3) })).toThrow(
      '[ECS-ER-19] RegistryScanning has 3 rules at Stack/Scanning; allowed: at most 2 rules per registry scanning configuration. '
      + 'Merge rules with the same frequency into one rule with several repositoryFilters (up to 100 each).');
    expect(() => new RegistryScanning(stack(), 'Scanning', { rules: rules(2) })).not.toThrow();
  });

  test('two RegistryScanning or RegistryReplication in one app: ECS-ER-20 warns (one per account and Region)', () => {
    const app = new App();
    const s = new Stack(app, 'Stack', { env: ENV });
    new RegistryScanning(s, 'A');
    new RegistryScanning(new Stack(app, 'Other', { env: ENV }), 'B');
    new RegistryReplication(s, 'R1', { rules: [{ destinations: [{ region: 'eu-west-1' }] }] });
    new RegistryReplication(s, 'R2', { rules: [{ destinations: [{ region: 'eu-west-2' }] }] });
    const er20 = EcsChecks.check(app).findings.filter((f) => f.ruleId === 'ECS-ER-20');
    // The first of each in assembly order (stack Other comes before Stack) is kept; the others are warned about.
    expect(er20.map((f) => [f.severity, f.path]).sort()).toEqual([['warning', 'Stack/A'], ['warning', 'Stack/R2']]);
    expect(er20.find((f) => f.path === 'Stack/A')!.message).toContain('Other/B already configures it');
  });

  test('fast-check: 1-100 filters per rule are accepted, 0 or more than 100 are not', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: ECR_SCANNING_FILTER.maxFiltersPerRule + 20 }), (n) => {
      const repositoryFilters = Array.from({ length: n }, (_, i) => `team${i}/*`);
      const run = () => new RegistryScanning(stack(), 'Scanning', { rules: [{ frequency: ScanFrequency.SCAN_ON_PUSH, repositoryFilters }] });
      if (n >= 1 && n <= ECR_SCANNING_FILTER.maxFiltersPerRule) expect(run).not.toThrow();
      else expect(run).toThrow(`[KIT-REGISTRY-SCAN-FILTER] a scanning rule has ${n} repository filters`);
    }), { numRuns: 40 });
  });
});

describe('PullThroughCacheRule', () => {
  test('ECR Public without credentials and Docker Hub with a Secrets Manager secret', () => {
    const s = stack();
    new PullThroughCacheRule(s, 'EcrPublic', { upstream: UpstreamRegistry.ECR_PUBLIC });
    const secret = new secretsmanager.Secret(s, 'DockerHubSecret', { secretName: 'ecr-pullthroughcache/docker-hub' });
    new PullThroughCacheRule(s, 'DockerHub', { upstream: UpstreamRegistry.DOCKER_HUB, credentials: secret, ecrRepositoryPrefix: 'hub' });
    const t = Template.fromStack(s);
    t.hasResourceProperties('AWS::ECR::PullThroughCacheRule', {
      EcrRepositoryPrefix: 'ecr-public', UpstreamRegistry: 'ecr-public', UpstreamRegistryUrl: 'public.ecr.aws', CredentialArn: Match.absent(),
    });
    t.hasResourceProperties('AWS::ECR::PullThroughCacheRule', {
      EcrRepositoryPrefix: 'hub',
      UpstreamRegistry: 'docker-hub',
      UpstreamRegistryUrl: 'registry-1.docker.io',
      CredentialArn: { Ref: Match.stringLikeRegexp('^DockerHubSecret') },
    });
    expect(t.toJSON()).toMatchSnapshot();
  });

  test('construction errors: Docker Hub without credentials, wrong secret name, bad prefix', () => {
    const s = stack();
    expect(() => new PullThroughCacheRule(s, 'A', { upstream: UpstreamRegistry.DOCKER_HUB }))
      .toThrow('[KIT-REGISTRY-CACHE-CREDENTIALS] upstream docker-hub has no credentials at Stack/A');
    const wrong = secretsmanager.Secret.fromSecretNameV2(s, 'Wrong', 'dockerhub-token');
    expect(() => new PullThroughCacheRule(s, 'B', { upstream: UpstreamRegistry.DOCKER_HUB, credentials: wrong }))
      .toThrow("[KIT-REGISTRY-CACHE-CREDENTIALS] credentials secret 'dockerhub-token' does not start with ecr-pullthroughcache/");
    // A secret created in the app: its L1 name, or none (CloudFormation then names it after the construct).
    const created = new secretsmanager.Secret(s, 'Created', { secretName: 'dockerhub' });
    expect(() => new PullThroughCacheRule(s, 'D', { upstream: UpstreamRegistry.DOCKER_HUB, credentials: created }))
      .toThrow("[KIT-REGISTRY-CACHE-CREDENTIALS] credentials secret 'dockerhub' does not start with ecr-pullthroughcache/ at Stack/D");
    const unnamed = new secretsmanager.Secret(s, 'Unnamed');
    expect(() => new PullThroughCacheRule(s, 'E', { upstream: UpstreamRegistry.DOCKER_HUB, credentials: unnamed }))
      .toThrow('[KIT-REGISTRY-CACHE-CREDENTIALS] credentials secret Stack/Unnamed has no secretName, so CloudFormation names it without ecr-pullthroughcache/ at Stack/E; allowed: secret names starting with ecr-pullthroughcache/. Name the secret ecr-pullthroughcache/docker-hub (secretName).');
    expect(() => new PullThroughCacheRule(s, 'C', { upstream: UpstreamRegistry.ECR_PUBLIC, ecrRepositoryPrefix: 'x' }))
      .toThrow("[KIT-REGISTRY-CACHE-PREFIX] ecrRepositoryPrefix 'x' is not a valid prefix");
  });
});

describe('PullThroughCacheRule.containerImage', () => {
  const ecrPublic = () => new PullThroughCacheRule(stack(), 'Cache', { upstream: UpstreamRegistry.ECR_PUBLIC });

  test('construction errors: invalid tag or digest, uppercase or invalid path, the upstream host in the path', () => {
    expect(() => ecrPublic().containerImage('nginx/nginx-unprivileged', 'bad tag')).toThrow(
      "[KIT-REGISTRY-IMAGE-TAG] image tag 'bad tag' is not a valid tag at Stack/Cache; "
      + "allowed: 1-128 letters, digits, _, . and -, not starting with . or -; or a digest 'sha256:<64 hex digits>'. "
      + 'Use the tag as the upstream registry shows it, such as 1.27, or pin a digest.');
    expect(() => ecrPublic().containerImage('nginx/nginx-unprivileged', '.hidden')).toThrow('[KIT-REGISTRY-IMAGE-TAG]');
    expect(() => ecrPublic().containerImage('nginx/nginx-unprivileged', 'x'.repeat(129))).toThrow('[KIT-REGISTRY-IMAGE-TAG]');
    expect(() => ecrPublic().containerImage('nginx/nginx-unprivileged', 'sha256:abc')).toThrow(
      "[KIT-REGISTRY-IMAGE-DIGEST] image digest 'sha256:abc' is not a sha256 digest at Stack/Cache");
    expect(() => ecrPublic().containerImage('Nginx/Nginx', '1.27')).toThrow(
      "[KIT-REGISTRY-CACHE-REPOSITORY] upstreamRepository 'Nginx/Nginx' does not make a valid ECR repository name ('ecr-public/Nginx/Nginx') at Stack/Cache; "
      + 'allowed: 2-256 characters of lowercase letters, digits and . _ - separators, with / between path parts, each part starting and ending with a letter or digit. '
      + "Use 'nginx/nginx': registries store repository names in lowercase.");
    expect(() => ecrPublic().containerImage('nginx//nginx', '1.27')).toThrow(
      "[KIT-REGISTRY-CACHE-REPOSITORY] upstreamRepository 'nginx//nginx' does not make a valid ECR repository name");
    expect(() => ecrPublic().containerImage('public.ecr.aws/nginx/nginx-unprivileged', '1.27')).toThrow(
      "[KIT-REGISTRY-CACHE-REPOSITORY] upstreamRepository 'public.ecr.aws/nginx/nginx-unprivileged' starts with the registry host public.ecr.aws at Stack/Cache; "
      + 'allowed: the repository path on the upstream, without its host (the rule already names public.ecr.aws). '
      + "Pass 'nginx/nginx-unprivileged'.");
    const s = stack();
    const credentials = new secretsmanager.Secret(s, 'Hub', { secretName: 'ecr-pullthroughcache/docker-hub' });
    const hub = new PullThroughCacheRule(s, 'DockerHub', { upstream: UpstreamRegistry.DOCKER_HUB, credentials });
    expect(() => hub.containerImage('docker.io/library/nginx', '1.27')).toThrow(
      "[KIT-REGISTRY-CACHE-REPOSITORY] upstreamRepository 'docker.io/library/nginx' starts with the registry host docker.io");
  });

  test('valid tags and digests, a ROOT prefix and a prefix with a trailing / render as ECR names', () => {
    const s = stack();
    const td = new ecs.FargateTaskDefinition(s, 'Td');
    const cache = new PullThroughCacheRule(s, 'EcrPublic', { upstream: UpstreamRegistry.ECR_PUBLIC });
    td.addContainer('tag', { image: cache.containerImage('nginx/nginx-unprivileged', '1.27.0-alpine_x') });
    td.addContainer('digest', { image: cache.containerImage('nginx/nginx-unprivileged', `sha256:${'a'.repeat(64)}`) });
    const root = new PullThroughCacheRule(s, 'Root', { upstream: UpstreamRegistry.ECR_PUBLIC, ecrRepositoryPrefix: 'ROOT' });
    td.addContainer('root', { image: root.containerImage('team/app', 'v1') });
    const slash = new PullThroughCacheRule(s, 'Slash', { upstream: UpstreamRegistry.ECR_PUBLIC, ecrRepositoryPrefix: 'mirror/' });
    td.addContainer('slash', { image: slash.containerImage('team/app', 'v1') });
    const images = JSON.stringify(Object.values(Template.fromStack(s).findResources('AWS::ECS::TaskDefinition'))[0]);
    expect(images).toContain('/ecr-public/nginx/nginx-unprivileged:1.27.0-alpine_x');
    expect(images).toContain(`/ecr-public/nginx/nginx-unprivileged@sha256:${'a'.repeat(64)}`);
    expect(images).toContain('"/team/app:v1"');
    expect(images).toContain('/mirror/team/app:v1');
    expect(images).not.toContain('ROOT/');
    expect(images).not.toContain('//team');
  });

  test('Docker Hub official images are cached under library/ (what ECR pulls), others as named', () => {
    const s = stack();
    const credentials = new secretsmanager.Secret(s, 'Hub', { secretName: 'ecr-pullthroughcache/docker-hub' });
    const cache = new PullThroughCacheRule(s, 'DockerHub', { upstream: UpstreamRegistry.DOCKER_HUB, credentials });
    const td = new ecs.FargateTaskDefinition(s, 'Td');
    td.addContainer('official', { image: cache.containerImage('nginx', '1.27') });
    td.addContainer('namespaced', { image: cache.containerImage('grafana/grafana', '11.0.0') });
    td.addContainer('explicit', { image: cache.containerImage('library/redis', '7') });
    const images = JSON.stringify(Object.values(Template.fromStack(s).findResources('AWS::ECS::TaskDefinition'))[0]);
    expect(images).toContain('/docker-hub/library/nginx:1.27');
    expect(images).toContain('/docker-hub/grafana/grafana:11.0.0');
    expect(images).toContain('/docker-hub/library/redis:7');
    expect(images).not.toContain('library/library');
  });

  test('pulls from this account\'s ECR under the prefix; the execution role may import and create only that repository', () => {
    const s = stack();
    const cache = new PullThroughCacheRule(s, 'EcrPublic', { upstream: UpstreamRegistry.ECR_PUBLIC });
    const td = new ecs.FargateTaskDefinition(s, 'Td');
    td.addContainer('app', { image: cache.containerImage('nginx/nginx-unprivileged', '1.27') });
    td.addContainer('side', { image: cache.containerImage('nginx/nginx-unprivileged', '1.28') });
    const t = Template.fromStack(s);
    const [image] = Object.values(t.findResources('AWS::ECS::TaskDefinition')).map((r: any) => r.Properties.ContainerDefinitions[0].Image);
    expect(JSON.stringify(image)).toContain('.dkr.ecr.');
    expect(JSON.stringify(image)).toContain('/ecr-public/nginx/nginx-unprivileged:1.27');
    t.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Action: ['ecr:BatchImportUpstreamImage', 'ecr:CreateRepository'],
          Resource: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp(':repository/ecr-public/nginx/nginx-unprivileged$')])] },
        })]),
      },
    });
    // The task definition waits for the rule; one imported repository per upstream path.
    const [tdJson] = Object.values(t.findResources('AWS::ECS::TaskDefinition')) as any[];
    expect(tdJson.DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/^EcrPublic/)]));
    expect(cache.node.children.filter((c) => c.node.id.startsWith('Cached'))).toHaveLength(1);
  });
});
