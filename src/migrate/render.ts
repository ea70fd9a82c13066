/** Writes the plans out as one TypeScript file: a services stack and an app with one stack per environment. */
import { pascal, todoComment, tsKey, tsString } from './code';
import { Todo } from './fields';
import { ServicePlan } from './plan';
import { renderTaskProps, windowsPlatform } from './task';

/** One rendered service, with what the header needs to say about it. */
export interface RenderedService {
  readonly plan: ServicePlan;
  readonly file: string;
  readonly type: string;
}

export interface RenderOptions {
  readonly app: string;
  readonly environments: string[];
  /** Module the kit is imported from. */
  readonly importFrom: string;
  /** TypeScript expression of the Copilot workspace root. */
  readonly workspaceRoot: string;
  /** Manifests that could not be mapped at all, with the reason. */
  readonly skipped: { file: string; todo: Todo }[];
  /** Certificate ARN per environment, from the environment manifests. */
  readonly certificates?: Record<string, string>;
}

const PLACEHOLDER_CERTIFICATE = 'arn:aws:acm:us-east-1:111111111111:certificate/00000000-0000-0000-0000-000000000000';

/** The VPC and certificate statements of buildApp: the environments' certificates where their manifests name one. */
function networkLines(options: RenderOptions): { constants: string; lines: string } {
  const known = options.environments.filter((e) => options.certificates?.[e] !== undefined);
  const certificate = `process.env.CERTIFICATE_ARN ?? ${tsString(PLACEHOLDER_CERTIFICATE)}`;
  if (known.length === 0) {
    return {
      constants: '',
      lines: `    // TODO: use the environment's VPC and certificate (Copilot's environment stack made them); these are placeholders.
    const vpc = new ec2.Vpc(network, 'Vpc', { maxAzs: 2, natGateways: 1, flowLogs: { all: {} } });
    const certificate = acm.Certificate.fromCertificateArn(network, 'Certificate',
      ${certificate});`,
    };
  }
  const missing = options.environments.filter((e) => !known.includes(e));
  const entries = known.map((e) => `  ${tsKey(e)}: ${tsString(options.certificates![e])},`).join('\n');
  return {
    constants: `/** The environments' certificates (http.public.certificates of copilot/environments/<env>/manifest.yml). */
const CERTIFICATE_ARNS: Record<string, string> = {
${entries}
};

`,
    lines: `    // TODO: use the environment's VPC (Copilot's environment stack made it); this one is a placeholder.
    const vpc = new ec2.Vpc(network, 'Vpc', { maxAzs: 2, natGateways: 1, flowLogs: { all: {} } });
${missing.length ? `    // TODO: ${missing.join(', ')}: no certificate in the environment manifest; CERTIFICATE_ARN or a placeholder is used.\n` : ''}\
    const certificate = acm.Certificate.fromCertificateArn(network, 'Certificate',
      CERTIFICATE_ARNS[environmentName]${missing.length ? ` ?? ${certificate}` : ''});`,
  };
}

const MODULES: [string, string][] = [
  ['acm', 'aws-cdk-lib/aws-certificatemanager'],
  ['cloudwatch', 'aws-cdk-lib/aws-cloudwatch'],
  ['ec2', 'aws-cdk-lib/aws-ec2'],
  ['ecr', 'aws-cdk-lib/aws-ecr'],
  ['ecr_assets', 'aws-cdk-lib/aws-ecr-assets'],
  ['ecs', 'aws-cdk-lib/aws-ecs'],
  ['efs', 'aws-cdk-lib/aws-efs'],
  ['elbv2', 'aws-cdk-lib/aws-elasticloadbalancingv2'],
  ['logs', 'aws-cdk-lib/aws-logs'],
  ['scheduler', 'aws-cdk-lib/aws-scheduler'],
  ['secretsmanager', 'aws-cdk-lib/aws-secretsmanager'],
  ['sns', 'aws-cdk-lib/aws-sns'],
  ['sns_subscriptions', 'aws-cdk-lib/aws-sns-subscriptions'],
  ['ssm', 'aws-cdk-lib/aws-ssm'],
];
const CORE = ['App', 'Aws', 'Duration', 'Fn', 'Stack', 'StackProps', 'Validations'];
const KIT = ['BackendService', 'EcsChecks', 'EcsCluster', 'FargateCapacity', 'FargateOperatingSystem', 'FargateSize', 'FargateTask',
  'NetworkLoadBalancedService', 'ScheduledJob', 'WebService', 'WorkerService'];

const ECS2_REASON = 'Copilot\'s COPILOT_* variables and the manifest\'s variables are plain configuration; secrets come from the '
  + 'manifest\'s secrets (Secrets Manager/SSM), and ECS-CT-23 warns on a variable whose name looks secret.';

function renderService(r: RenderedService): string[] {
  const { plan } = r;
  const lines: string[] = [`// ${plan.name}: ${r.type} (${r.file}) -> ${plan.kind}`];
  lines.push(...plan.before);
  const task = renderTaskProps(plan.task, plan.container, plan.environment, plan.secrets);
  for (const line of kitDefaults(plan)) task.comment(line);
  lines.push(`const ${plan.taskVar} = new FargateTask(this, '${plan.id}Task', ${task.render('')});`);
  // Copilot set environment variables on every service; cdk-nag AwsSolutions flags any (ECS2).
  if (plan.environment.entries.length > 0) {
    lines.push(`Validations.of(${plan.taskVar}.taskDefinition).acknowledge({ id: 'AwsSolutions::AwsSolutions-ECS2', reason: ${tsString(ECS2_REASON)} });`);
  }
  lines.push(...plan.afterTask);
  const service = plan.service;
  const props = ['cluster', `task: ${plan.taskVar}`];
  const body = service.render('').replace(/^\{\n/, `{\n  ${props.join(',\n  ')},\n`);
  lines.push(`const ${plan.v} = new ${plan.kind}(this, '${plan.id}', ${service.entries.length ? body : `{ ${props.join(', ')} }`});`);
  lines.push(...plan.afterService);
  return lines;
}

/** What the kit picks for the main container that Copilot left to the image: a read-only root filesystem, a non-root uid. */
function kitDefaults(plan: ServicePlan): string[] {
  // Windows containers get neither; with exec the root filesystem stays writable.
  const readonly = plan.fields.peek('storage.readonly_fs') === undefined && !plan.exec && !windowsPlatform(plan.fields);
  const uid = plan.kitUser;
  if (readonly && uid) {
    return [`// Kit defaults: read-only root filesystem and uid ${uid}. Copilot ran the image's user on a writable root:`,
      '// add scratchPaths for directories the app writes, and user if it needs the image\'s own (e.g. \'0\' for root).'];
  }
  if (readonly) return ['// Kit default: read-only root filesystem (Copilot\'s was writable): add scratchPaths for directories the app writes.'];
  if (uid) return [`// Kit default: uid ${uid} (Copilot ran the image's own user): set user if the app needs that one (e.g. '0' for root).`];
  return [];
}

/** Remove `const x = ` where nothing reads x (the generated code compiles under noUnusedLocals). */
function dropUnusedConsts(body: string): string {
  const code = withoutComments(body);
  return body.replace(/^(\s*)const ([A-Za-z0-9_]+) = /gm, (whole, indent: string, name: string) => {
    const keys = code.match(new RegExp(`(?<=[{,]\\s*)${name}\\s*:`, 'g'))?.length ?? 0; // object keys are not uses
    const uses = (code.match(new RegExp(`(?<![\\w.$])${name}\\b`, 'g'))?.length ?? 0) - keys;
    return uses > 1 ? whole : indent;
  });
}

/** The code without whole-line comments and string contents (names there are not uses). */
function withoutComments(body: string): string {
  return body.replace(/^\s*(\/\/|\/\*\*|\*).*$/gm, '')
    .replace(/`((?:\\.|\$\{[^}]*\}|[^`\\])*)`/g, (_, inner: string) => (inner.match(/\$\{[^}]*\}/g) ?? []).join(' '))
    .replace(/'(?:\\.|[^'\\\n])*'/g, '\'\'');
}

function imports(text: string, importFrom: string): string[] {
  const body = withoutComments(text);
  const out = [
    'import * as path from \'path\';',
    `import { ${CORE.filter((n) => new RegExp(`\\b${n}\\b`).test(body)).join(', ')} } from 'aws-cdk-lib';`,
  ];
  for (const [alias, mod] of MODULES) {
    if (new RegExp(`(?<![\\w.$])${alias}\\.`).test(body)) out.push(`import * as ${alias} from '${mod}';`);
  }
  out.push('import { Construct } from \'constructs\';');
  const kit = KIT.filter((n) => new RegExp(`\\b${n}\\b`).test(body));
  out.push(`import { ${kit.join(', ')} } from '${importFrom}';`);
  return out.filter((l) => !(l.startsWith('import * as path') && !/\bpath\.join\(/.test(body)));
}

/** The whole generated file. */
export function renderFile(services: RenderedService[], options: RenderOptions): string {
  const cls = `${pascal(options.app)}Services`;
  const exec = services.some((s) => s.plan.exec);
  const namespace = services.some((s) => s.plan.kind === 'BackendService' || s.plan.service.get('serviceConnect'));
  const clusterProps = ['vpc: props.vpc'];
  if (exec) clusterProps.push('enableExecuteCommand: true');
  if (namespace) clusterProps.push(`defaultCloudMapNamespace: { name: \`\${env}.${options.app}.local\` }`);
  const ctor: string[] = [
    'super(scope, id, props);',
    'const env = props.environmentName;',
    ...namespace ? ['// Note (copilot): Copilot\'s environment made a private DNS namespace of this name; in Copilot\'s VPC a second one fails '
      + '(Route 53 ConflictingDomainExists): rename it until that environment is deleted (docs/migrate-copilot.md, "Cut-over and teardown").'] : [],
    `const cluster = new EcsCluster(this, 'Cluster', { ${clusterProps.join(', ')} });`,
  ];
  for (const s of options.skipped) ctor.push(todoComment(s.todo, `${s.file}: `));
  // All topics first: a subscriber may come before its publisher (construct ids stay per publisher).
  const topics = services.flatMap((s) => s.plan.topics);
  if (topics.length) ctor.push('', '// SNS topics the services publish (Copilot publish.topics).', ...topics);
  for (const s of services) ctor.push('', ...renderService(s));
  const backends = services.filter((s) => s.plan.kind === 'BackendService' && s.plan.port !== undefined);
  if (backends.length) {
    ctor.push('', '// Copilot let every service of the environment reach every other; the kit opens each backend port to its clients only.');
    for (const b of backends) {
      for (const c of services.filter((s) => s !== b && s.plan.kind !== 'ScheduledJob')) ctor.push(`${b.plan.v}.allowFrom(${c.plan.v}, ${b.plan.port});`);
      for (const j of services.filter((s) => s.plan.kind === 'ScheduledJob')) ctor.push(`// TODO: ${j.plan.name} (a standalone task) cannot use Service Connect names; reach ${b.plan.name} through a load balancer or Cloud Map instead`);
    }
  }
  const inner = ctor.map((l) => (l ? `    ${l.replace(/\n/g, '\n    ')}` : '')).join('\n');
  const envList = options.environments.map((e) => tsString(e)).join(', ');
  const workspace = /\bWORKSPACE\b/.test(inner)
    ? `/** The Copilot workspace (image builds and env files are relative to it). */\nconst WORKSPACE = ${options.workspaceRoot};\n\n` : '';
  const network = networkLines(options);
  const body = `${workspace}${network.constants}/** Copilot environments: one services stack each (the manifests' environments: overrides pick the values). */
export const ENVIRONMENTS = [${envList}];

export interface ${cls}Props extends StackProps {
  /** The Copilot environment this stack stands for; selects the manifests' environments: overrides. */
  readonly environmentName: string;
  /** The VPC (Copilot's environment stack made one). */
  readonly vpc: ec2.IVpc;
  /** Certificate of the HTTPS/TLS listeners (Copilot: the environment's certificate). */
  readonly certificate: acm.ICertificate;
}

/** The services of Copilot application '${options.app}'. */
export class ${cls} extends Stack {
  constructor(scope: Construct, id: string, props: ${cls}Props) {
${inner}
  }
}

/** A network stack and a services stack per environment, in an App or a CDK Pipelines Stage. */
export function buildApp(scope: Construct): void {
  for (const environmentName of ENVIRONMENTS) {
    const network = new Stack(scope, \`${pascal(options.app)}-\${environmentName}-network\`);
${network.lines}
    new ${cls}(scope, \`${pascal(options.app)}-\${environmentName}\`, { environmentName, vpc, certificate });
  }
}

if (require.main === module) {
  const app = new App();
  // The kit's checks: what ECS would reject at deploy (a port the load balancer cannot reach, a Fargate size) fails synth.
  Validations.of(app).addPlugins(new EcsChecks());
  buildApp(app);
  app.synth();
}
`;
  const cleaned = dropUnusedConsts(body);
  const header = [
    '// Generated by `cdk-ecs-kit migrate copilot` from:',
    ...services.map((s) => `//   ${s.file} (${s.plan.name}, ${s.type})`),
    ...options.skipped.map((s) => `//   ${s.file} (not migrated)`),
    '// Every manifest field is either mapped below or named in a TODO(copilot) comment: review each one.',
    '// Copilot environments, addons and pipelines are not services: build them with CDK (see docs/migrate-copilot.md).',
  ];
  return `${header.join('\n')}\n${imports(cleaned, options.importFrom).join('\n')}\n\n${cleaned}`;
}
