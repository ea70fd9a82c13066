import * as fs from 'fs';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { kitImport, scratchDir, typeErrors } from './generated-app';
import { migrateCopilot, migrateCopilotFiles } from '../../src/migrate/migrate-copilot';

/**
 * A workspace whose manifests lean on Copilot's defaults and file order: a worker that sorts before the service whose
 * topic it subscribes to, a web service without redirect_to_https, exec with readonly_fs, a root-needing sidecar,
 * a Windows image built from source, and environment manifests with and without a certificate.
 */
const COPILOT = path.join(__dirname, '..', 'fixtures', 'copilot-defaults', 'copilot');
const PROD_CERTIFICATE = 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';
const PLACEHOLDER_CERTIFICATE = 'arn:aws:acm:us-east-1:111111111111:certificate/00000000-0000-0000-0000-000000000000';

let dir: string;
let file: string;
let code: string;

beforeAll(() => {
  dir = scratchDir('migrate-defaults-');
  file = path.join(dir, 'defaults.ts');
  code = migrateCopilotFiles([COPILOT], file, kitImport(dir)).code;
  fs.writeFileSync(file, code);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The generated statements of one service, from its header comment to the next one. */
function serviceCode(name: string): string {
  const start = code.indexOf(`    // ${name}: `);
  const end = code.indexOf('\n\n', start);
  return code.slice(start, end);
}

describe('migrate copilot: a workspace on Copilot\'s defaults', () => {
  test('compiles under the strict options although the subscriber (aworker) comes before the publisher (zpub)', () => {
    expect(code.indexOf('// aworker:')).toBeLessThan(code.indexOf('// zpub:'));
    // Declared before every service, so the subscription in aworker's block can use it.
    expect(code.indexOf('const zpubEventsTopic = new sns.Topic(this, \'ZpubEventsTopic\'')).toBeLessThan(code.indexOf('// aworker:'));
    expect(typeErrors(file)).toEqual([]);
  });

  test('the generated code says what the kit picks where Copilot left it to the image or a default', () => {
    // Copilot's default queue delay is no TODO.
    expect(code).not.toContain('subscribe.queue.delay');
    // exec with readonly_fs: the root stays read-only and the SSM agent's folders writable (the kit keeps an explicit true; ECS-CT-22 is quiet).
    expect(serviceCode('web')).toContain('readonlyRootFilesystem: true');
    expect(serviceCode('web')).toContain("scratchPaths: ['/var/lib/amazon', '/var/log/amazon']");
    expect(serviceCode('web')).not.toContain('storage.readonly_fs');
    // The kit picks every Linux container's uid, sidecars included; nginx-unprivileged keeps its own (101), so nothing to say.
    expect(serviceCode('web')).toContain('// Kit default: uid 1000 (Copilot ran the image\'s own user)');
    expect(serviceCode('web')).toContain('// datadog: the kit runs it as uid 1000, not as the image\'s user: set user if it needs that one');
    expect(serviceCode('zpub')).toContain('// Kit default: read-only root filesystem (Copilot\'s was writable)');
    expect(serviceCode('zpub')).not.toMatch(/uid/);
    // Windows: no Linux platform for the build, a TODO instead, and no read-only or uid defaults (the kit sets neither).
    expect(serviceCode('winjob')).toContain('image: ecs.ContainerImage.fromAsset(path.join(WORKSPACE, \'winjob\')),');
    expect(serviceCode('winjob')).toContain('// TODO(copilot): image.build: winjob/Dockerfile — a Windows image: build it on a Windows Docker host');
    expect(serviceCode('winjob')).not.toMatch(/Kit default|LINUX/);
  });

  test('synthesizes: HTTP redirects to HTTPS, COPILOT_LB_DNS names the load balancer, each environment gets its certificate', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const generated = require(file) as { ENVIRONMENTS: string[]; buildApp(app: App): void };
    expect(generated.ENVIRONMENTS).toEqual(['prod', 'test']);
    const app = new App({ outdir: path.join(dir, 'cdk.out') });
    generated.buildApp(app);
    const assembly = app.synth();
    // fromJSON also fails on a dependency cycle (the task definition names the load balancer of its own service).
    const prod = Template.fromJSON(assembly.getStackByName('Defaults-prod').template);
    const test = Template.fromJSON(assembly.getStackByName('Defaults-test').template);

    // The topic keeps its construct id (and logical ID) under its publisher's name.
    expect(Object.keys(prod.findResources('AWS::SNS::Topic'))).toEqual([expect.stringMatching(/^ZpubEventsTopic[0-9A-F]{8}$/)]);
    prod.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'sqs', TopicArn: { Ref: Match.stringLikeRegexp('^ZpubEventsTopic') } });

    prod.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }],
    });
    const [lb] = Object.keys(prod.findResources('AWS::ElasticLoadBalancingV2::LoadBalancer'));
    const containers = Object.values(prod.findResources('AWS::ECS::TaskDefinition')).flatMap((r) => r.Properties.ContainerDefinitions);
    const container = (name: string) => containers.find((c: { Name: string }) => c.Name === name);
    // web owns the load balancer; admin is a rule on it: both get its DNS name, as Copilot's public ALB.
    for (const name of ['web', 'admin']) {
      expect(container(name).Environment).toContainEqual({ Name: 'COPILOT_LB_DNS', Value: { 'Fn::GetAtt': [lb, 'DNSName'] } });
    }
    // What the code says: web (exec, readonly_fs) stays read-only with the SSM agent's folders mounted writable; the sidecar runs
    // as 1000; nginx-unprivileged as its own 101.
    expect(container('web')).toMatchObject({ ReadonlyRootFilesystem: true, User: '1000' });
    expect(container('web').MountPoints.map((m: { ContainerPath: string }) => m.ContainerPath)).toEqual(['/var/lib/amazon', '/var/log/amazon']);
    expect(container('datadog').User).toBe('1000');
    expect(container('zpub')).toMatchObject({ ReadonlyRootFilesystem: true, User: '101' });
    expect(container('winjob').User).toBeUndefined();

    // No http.healthcheck: Copilot's target group had the load balancer's defaults (5/2, 30 s, 5 s, 200), not the kit's 2/3.
    prod.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
      HealthCheckPath: '/', HealthyThresholdCount: 5, UnhealthyThresholdCount: 2, HealthCheckIntervalSeconds: 30, HealthCheckTimeoutSeconds: 5, Matcher: { HttpCode: '200' },
    });
    prod.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Port: 443, Certificates: [{ CertificateArn: PROD_CERTIFICATE }] });
    test.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Port: 443, Certificates: [{ CertificateArn: process.env.CERTIFICATE_ARN ?? PLACEHOLDER_CERTIFICATE }] });
  });
});

describe('migrateCopilot: Copilot defaults', () => {
  const web = (http: string, type = 'Load Balanced Web Service') => migrateCopilot([{
    file: 'm.yml', text: `name: web\ntype: ${type}\nimage:\n  location: nginx\n  port: 8080\nhttp:\n  path: /\n${http}`,
  }]).code;

  // Copilot: "redirect_to_https: Automatically redirect the Application Load Balancer from HTTP to HTTPS. By default it is true."
  test('a Load Balanced Web Service redirects HTTP to HTTPS unless redirect_to_https is false; a Backend Service only when set', () => {
    expect(web('')).toContain('redirectHttp: true,');
    expect(web('  redirect_to_https: true\n')).toContain('redirectHttp: true,');
    expect(web('  redirect_to_https: false\n')).toContain('redirectHttp: false,');
    expect(web('', 'Backend Service')).not.toContain('redirectHttp');
  });

  test.each(['windows/x86_64', 'windows/amd64'])('platform %s: an image built from source gets no Linux platform but a TODO', (platform) => {
    const r = migrateCopilot([{ file: 'm.yml', text: `name: w\ntype: Worker Service\nplatform: ${platform}\nimage:\n  build: Dockerfile\n` }]);
    expect(r.code).toContain('image: ecs.ContainerImage.fromAsset(path.join(WORKSPACE, \'.\')),');
    expect(r.code).not.toContain('ecr_assets');
    expect(r.manifests[0].todos.map((t) => t.path)).toEqual(['image.build']);
  });

  test('queue delay: zero is Copilot\'s default (no TODO); any other delay is a TODO', () => {
    const worker = (delay: string) => migrateCopilot([{ file: 'm.yml', text: `name: w\ntype: Worker Service\nimage:\n  location: nginx\nsubscribe:\n  queue:\n    delay: ${delay}\n` }]);
    expect(worker('0s').manifests[0]).toMatchObject({ todos: [], mapped: ['name', 'type', 'image.location', 'subscribe.queue.delay'] });
    expect(worker('5s').manifests[0].todos.map((t) => t.path)).toEqual(['subscribe.queue.delay']);
  });

  test('a subscription to a topic no given manifest publishes says its ARN is Copilot\'s naming, to check; a published one does not', () => {
    const worker = 'name: w\ntype: Worker Service\nimage:\n  location: nginx\nsubscribe:\n  topics:\n    - name: events\n      service: elsewhere\n';
    const alone = migrateCopilot([{ file: 'w.yml', text: worker }]).code;
    expect(alone).toContain('// TODO(copilot): subscribe.topics.0: no manifest given publishes elsewhere/events; the ARN below follows Copilot\'s naming');
    expect(alone).toContain('sns.Topic.fromTopicArn(');
    const publisher = 'name: elsewhere\ntype: Backend Service\nimage:\n  location: nginx\npublish:\n  topics:\n    - name: events\n';
    expect(migrateCopilot([{ file: 'w.yml', text: worker }, { file: 'p.yml', text: publisher }]).code).not.toContain('no manifest given publishes');
  });

  test('readonly_fs is kept without exec, and readonly_fs: false with it', () => {
    const svc = (extra: string) => migrateCopilot([{ file: 'm.yml', text: `name: w\ntype: Worker Service\nimage:\n  location: nginx\n${extra}` }]);
    const readonly = svc('storage:\n  readonly_fs: true\n');
    expect(readonly.code).toContain('readonlyRootFilesystem: true,');
    expect(readonly.manifests[0].todos).toEqual([]);
    expect(svc('exec: true\nstorage:\n  readonly_fs: false\n').code).toContain('readonlyRootFilesystem: false,');
    // exec alone: the kit's read-only default does not apply either, so the comment names the uid only.
    expect(svc('exec: true\n').code).toContain('// Kit default: uid 1000 (Copilot ran the image\'s own user)');
  });

  test('a sidecar with a user of its own (root for a port below 1024) or of a known non-root image gets no uid comment', () => {
    const r = migrateCopilot([{
      file: 'm.yml',
      text: 'name: w\ntype: Worker Service\nimage:\n  location: nginx\nsidecars:\n  proxy:\n    image: nginx:1.27\n    port: 80\n'
        + '  helper:\n    image: gcr.io/distroless/static-debian12:nonroot\n  agent:\n    image: public.ecr.aws/datadog/agent:7\n',
    }]);
    expect(r.code).not.toContain('// proxy: the kit runs it');
    expect(r.code).not.toContain('// helper: the kit runs it');
    expect(r.code).toContain('// agent: the kit runs it as uid 1000');
  });

  test('Environment manifests among the inputs give their environments\' certificates; the first of several', () => {
    const r = migrateCopilot([
      { file: 'env.yml', text: `name: test\ntype: Environment\nhttp:\n  public:\n    certificates: [${PROD_CERTIFICATE}, arn:aws:acm:us-east-1:123456789012:certificate/other]\n` },
      { file: 'm.yml', text: 'name: w\ntype: Worker Service\nimage:\n  location: nginx\n' },
    ]);
    expect(r.code).toContain(`const CERTIFICATE_ARNS: Record<string, string> = {\n  test: '${PROD_CERTIFICATE}',\n};`);
    expect(r.code).toContain('acm.Certificate.fromCertificateArn(network, \'Certificate\',\n      CERTIFICATE_ARNS[environmentName]);');
    expect(r.code).toContain('// TODO: use the environment\'s VPC (Copilot\'s environment stack made it); this one is a placeholder.');
  });
});
