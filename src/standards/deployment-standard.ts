import * as fs from 'fs';
import { dirname } from 'path';
import { Annotations, Aspects, IPolicyValidationPlugin, Stack, Stage, Tag, Tags, Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { appliedStandard, askedBefore, recordStandard } from './applied-standard';
import { nagPlugin } from './nag-plugins';
import { ORG_RULES } from './rules';
import { DeploymentStandardProps, EncryptionRequirement, NagPack } from './standard-props';
import { standardQuotas } from './standard-quotas';
import { beforeRender, stagePlugins } from '../internal/cdk-internals';
import { loadedCdkLibs, loadedCopies } from '../internal/kit-copies';
import { EcsChecks } from '../plugin/ecs-checks';
import { ViolationSeverity } from '../plugin/violation-severity';
import { QuotaProfile } from '../quotas/quota-profile';
import { STANDARD_METADATA } from '../rules/assembly-loader';
import { Severity } from '../rules/finding';
import { describeMemory, fargateRow, fargateRows, isValidFargateSize } from '../rules/tables/fargate-sizes';

/** Options for `DeploymentStandard.apply()`. */
export interface ApplyStandardOptions {
  /**
   * The Control Tower validator to register when the standard requires the
   * Control Tower rules, e.g. `new CfnGuardValidator({ controlTowerRulesEnabled: true })`.
   * @default - one created from `@cdklabs/cdk-validator-cfnguard` (an optional peer dependency; install it to use the Control Tower rules)
   */
  readonly controlTowerValidator?: IPolicyValidationPlugin;
}

const KNOWN_KEYS: readonly (keyof DeploymentStandardProps)[] = [
  'name', 'version', 'requiredTags', 'defaultTags', 'requireTagPropagation', 'allowedRegions', 'allowedFargateSizes', 'maxTaskVcpu',
  'maxDesiredCount', 'minLogRetentionDays', 'requiredEncryption', 'allowedImageSources', 'requireImageDigest', 'allowSpot',
  'allowPublicLoadBalancers', 'allowExecuteCommand', 'requireContainerInsights', 'requireDeploymentRollback', 'quotaProfile', 'quotaOverrides', 'nagPacks', 'controlTower',
  'severityOverrides',
];

/**
 * An organization's deployment policy: one object a platform package
 * exports and every app applies with one line,
 * `DeploymentStandard.BASELINE.apply(app)`. It sets construct-time defaults
 * on kit constructs, registers EcsChecks (with the ORG-* rules of the
 * standard) and the cdk-nag packs it requires as validation plugins.
 */
export class DeploymentStandard {
  /** AwsSolutions must pass. Tags propagate, Container Insights on, logs kept 90 days or more. */
  public static readonly BASELINE = new DeploymentStandard({
    name: 'baseline',
    nagPacks: [NagPack.AWS_SOLUTIONS],
    requireTagPropagation: true,
    requireContainerInsights: true,
    minLogRetentionDays: 90,
  });

  /**
   * HIPAA Security, NIST 800-53 R5, PCI DSS 3.2.1 and the Control Tower
   * rules must pass; KMS encryption, logs kept a year or more, tags
   * propagate, Container Insights on.
   */
  public static readonly REGULATED = new DeploymentStandard({
    name: 'regulated',
    nagPacks: [NagPack.HIPAA_SECURITY, NagPack.NIST_800_53_R5, NagPack.PCI_DSS_321],
    controlTower: true,
    requiredEncryption: EncryptionRequirement.KMS,
    requireTagPropagation: true,
    requireContainerInsights: true,
    minLogRetentionDays: 365,
    // None of the HIPAA, NIST or PCI packs nor Control Tower checks environment values: a plain secret would pass them all.
    severityOverrides: { 'ECS-CT-23': Severity.ERROR },
  });

  /** A standard from its JSON text (as `toJson()` writes it). Unknown keys are an error, so typos do not weaken a policy. */
  public static fromJson(json: string, source: string = 'standard JSON'): DeploymentStandard {
    let data: unknown;
    try {
      data = JSON.parse(json);
    } catch (e) {
      throw new Error(`${source}: invalid JSON (${(e as Error).message})`);
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error(`${source}: expected a JSON object with the DeploymentStandardProps keys`);
    return new DeploymentStandard(data as DeploymentStandardProps, source);
  }

  /** A standard from a JSON file. */
  public static fromFile(path: string): DeploymentStandard {
    let text: string;
    try {
      text = fs.readFileSync(path, 'utf8');
    } catch (e) {
      throw new Error(`${path}: cannot read standard file (${(e as Error).message})`);
    }
    return DeploymentStandard.fromJson(text, path);
  }

  /** The policy. */
  public readonly props: DeploymentStandardProps;

  constructor(props: DeploymentStandardProps, source: string = 'DeploymentStandard') {
    validate(props, source);
    this.props = { ...props };
  }

  /** Display name: the name and version. */
  public get label(): string {
    return `${this.props.name ?? 'custom'}${this.props.version ? ` ${this.props.version}` : ''}`;
  }

  /** The ORG-* rule ids this standard runs. */
  public get ruleIds(): string[] {
    return ORG_RULES.filter((r) => r.appliesTo(this.props)).map((r) => r.id);
  }

  /** The quota profile the kit's quota rules use under this standard. */
  public get quotas(): QuotaProfile {
    return standardQuotas(this.props);
  }

  /** A new standard: these props, with `overrides` replacing fields it sets (a platform team's tightening of a preset). */
  public extend(overrides: DeploymentStandardProps): DeploymentStandard {
    const merged: Record<string, unknown> = { ...this.props };
    for (const [k, v] of Object.entries(overrides)) if (v !== undefined) merged[k] = v;
    return new DeploymentStandard(merged as DeploymentStandardProps);
  }

  /** The standard as JSON text, for `cdk-ecs-kit check --standard FILE`. */
  public toJson(): string {
    const ordered: Record<string, unknown> = {};
    for (const key of KNOWN_KEYS) if (this.props[key] !== undefined) ordered[key] = this.props[key];
    return `${JSON.stringify(ordered, undefined, 2)}\n`;
  }

  /**
   * Apply the standard to an app (or stage): call it right after creating
   * the app, before the stacks, so kit constructs pick up its defaults.
   * Registers EcsChecks with the ORG rules, the required cdk-nag packs and
   * (when required) the Control Tower validator, and adds `defaultTags`.
   * Stages side by side may each apply their own standard, which judges
   * only that stage; a stage inside or around one with a standard may not.
   */
  public apply(app: IConstruct, options: ApplyStandardOptions = {}): void {
    warnForeignCdkLib(app);
    const early = askedBefore(app);
    recordStandard(app, this.props);
    if (early.length > 0) {
      Annotations.of(early[0]).addWarningV2('cdk-ecs-kit:standard-applied-late', `DeploymentStandard.apply() ran after ${early[0].node.path}`
        + `${early.length > 1 ? ` and ${early.length - 1} other kit construct${early.length > 2 ? 's' : ''}` : ''} were created: they did not get the `
        + 'standard\'s construct-time defaults (e.g. a KMS key for SecureRepository, log retention), so its ORG rules may fail on them. '
        + 'Call standard.apply(app) right after new App(), before creating stacks.');
    }
    for (const [key, value] of Object.entries(this.props.defaultTags ?? {})) Tags.of(app).add(key, value);
    const plugins: IPolicyValidationPlugin[] = [new EcsChecks({ standard: this, quotas: this.quotas })];
    for (const pack of this.props.nagPacks ?? []) plugins.push(nagPlugin(pack, app));
    // Kit constructs acknowledge some Control Tower rules: without severities the rest would stop failing synth.
    if (this.props.controlTower) plugins.push(ViolationSeverity.errorByDefault(options.controlTowerValidator ?? controlTowerValidator()));
    // A pack the app already runs (added by hand) would report every finding twice.
    const stage = Stage.isStage(app) ? app : Stage.of(app);
    const registered = new Set(stage ? stagePlugins(stage).map((p) => p.name) : []);
    Validations.of(app).addPlugins(...plugins.filter((p) => p instanceof EcsChecks || !registered.has(p.name)));
    if (stage) {
      warnSetup(app, stage);
      recordOnStacks(stage, this.props, JSON.parse(this.toJson()));
    }
  }
}

let warnedForeignCdkLib = false;

/**
 * Warn once when the app was built with another copy of aws-cdk-lib than the one the kit loads (a platform package linked
 * with `file:` brings its own): the cdk-nag packs apply() registers, built on the kit's copy, then find nothing in the app.
 * Printed at once: the annotations of an aspect registered through the kit's copy may never be read by the app's.
 */
function warnForeignCdkLib(app: IConstruct): void {
  const root = app.node.root;
  if (warnedForeignCdkLib || !Stage.isStage(root) || root instanceof Stage) return;
  warnedForeignCdkLib = true;
  const kitLib = dirname(require.resolve('aws-cdk-lib/package.json'));
  console.warn('[WARNING] cdk-ecs-kit:aws-cdk-lib-loaded-twice: the app is built with another copy of aws-cdk-lib than the one cdk-ecs-kit '
    + `loads (${kitLib}): the cdk-nag packs DeploymentStandard.apply() registers find nothing in the app's constructs, and kit constructs `
    + 'cannot be mixed with the app\'s. Install one copy: make aws-cdk-lib, constructs and cdk-ecs-kit peerDependencies of the package '
    + 'that holds the standard, and for a file: dependency set install-links=true in the app\'s .npmrc (docs/standards.md).');
}

/** The Control Tower validator from the optional peer dependency. */
function controlTowerValidator(): IPolicyValidationPlugin {
  let mod: { CfnGuardValidator: new (props: { controlTowerRulesEnabled: boolean }) => IPolicyValidationPlugin };
  try {
    // Optional peer: only standards with controlTower need it (it ships cfn-guard binaries).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require('@cdklabs/cdk-validator-cfnguard');
  } catch {
    throw new Error('DeploymentStandard: controlTower is true but @cdklabs/cdk-validator-cfnguard is not installed. '
      + 'Install it (npm i -D @cdklabs/cdk-validator-cfnguard), or pass controlTowerValidator to apply().');
  }
  return new mod.CfnGuardValidator({ controlTowerRulesEnabled: true });
}

function validate(props: DeploymentStandardProps, source: string): void {
  const fail = (msg: string): never => { throw new Error(`${source}: ${msg}`); };
  const unknown = Object.keys(props).filter((k) => !(KNOWN_KEYS as string[]).includes(k));
  if (unknown.length > 0) fail(`unknown key(s) ${unknown.join(', ')}; allowed: ${KNOWN_KEYS.join(', ')}`);
  const strings = (key: keyof DeploymentStandardProps) => {
    const v = props[key];
    if (v !== undefined && (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))) fail(`${key} must be a list of strings, got ${JSON.stringify(v)}`);
  };
  (['requiredTags', 'allowedRegions', 'allowedFargateSizes', 'allowedImageSources', 'nagPacks'] as const).forEach(strings);
  // Tag keys: 1-128 characters, not the reserved aws: prefix (tagging.html); an empty key would fail every resource's ORG-TAG-01.
  const tagKeys: [string, string][] = [...(props.requiredTags ?? []).map((k): [string, string] => ['requiredTags', k]),
    ...Object.keys(props.defaultTags ?? {}).map((k): [string, string] => ['defaultTags', k])];
  for (const [key, tag] of tagKeys) {
    if (tag.trim() === '' || tag.length > 128 || tag.toLowerCase().startsWith('aws:')) {
      fail(`${key} entry ${JSON.stringify(tag)} is not a tag key you can set; allowed: 1-128 characters, not blank, not starting with aws: (reserved). `
        + 'Remove the entry, or name the tag, e.g. \'team\'.');
    }
  }
  for (const key of ['maxTaskVcpu', 'maxDesiredCount', 'minLogRetentionDays'] as const) {
    const v = props[key];
    if (v !== undefined && (typeof v !== 'number' || !(v >= 0))) fail(`${key} must be a number 0 or more, got ${JSON.stringify(v)}`);
  }
  for (const size of props.allowedFargateSizes ?? []) {
    const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(size);
    if (!m) fail(`allowedFargateSizes entry '${size}' is not 'cpu/memoryMiB', e.g. '1024/2048'`);
    // A pair Fargate does not have would allow nothing: a typo in the policy.
    const [cpu, memory] = [Number(m![1]), Number(m![2])];
    if (!isValidFargateSize(cpu, memory, false) && !isValidFargateSize(cpu, memory, true)) {
      const row = fargateRow(cpu, false);
      fail(`allowedFargateSizes entry '${size}' is not a Fargate size; allowed: ${row ? `cpu ${cpu} with ${describeMemory(row)}`
        : `cpu ${fargateRows(false).map((r) => r.cpu).join(', ')}`}. Use a pair from the Fargate size table, e.g. '1024/2048'`);
    }
  }
  for (const pack of props.nagPacks ?? []) {
    if (!Object.values(NagPack).includes(pack)) fail(`nagPacks entry '${pack}' is unknown; allowed: ${Object.values(NagPack).join(', ')}`);
  }
  if (props.requiredEncryption !== undefined && !Object.values(EncryptionRequirement).includes(props.requiredEncryption)) {
    fail(`requiredEncryption '${props.requiredEncryption}' is unknown; allowed: ${Object.values(EncryptionRequirement).join(', ')}`);
  }
  if (props.quotaProfile !== undefined && props.quotaProfile !== 'current' && props.quotaProfile !== 'legacy') {
    fail(`quotaProfile '${props.quotaProfile}' is unknown; allowed: current, legacy`);
  }
  for (const [id, severity] of Object.entries(props.severityOverrides ?? {})) {
    if (!Object.values(Severity).includes(severity)) fail(`severityOverrides['${id}'] '${severity}' is unknown; allowed: ${Object.values(Severity).join(', ')}`);
  }
  // Here, not at apply(): a misspelt quota id fails where the standard is written.
  if (props.quotaOverrides !== undefined) QuotaProfile.current().withOverrides(props.quotaOverrides, `${source} quotaOverrides`);
}

/**
 * Right before each stack of the stage renders (also the stacks of stages below it, which the app's aspects never
 * reach, as aws-cdk-lib synthesizes a stage before the app's aspects run): record the standard in the stack's metadata
 * (not the template: snapshot tests stay stable), so `cdk-ecs-kit check cdk.out` judges the app by the standard its
 * synth applied. Stacks of a stage below also get the standard's tags, which `Tags.of(app)` gave the others (priority
 * 99: a tag the app sets on its own constructs wins, as it does over `Tags.of(app)`).
 */
function recordOnStacks(stage: Stage, props: DeploymentStandardProps, recorded: Record<string, unknown>): void {
  const tags = Object.entries(props.defaultTags ?? {}).map(([key, value]) => new Tag(key, value, { priority: 99 }));
  beforeRender(stage.node.root, (stack) => {
    if (!stack.node.scopes.includes(stage) || appliedStandard(stack) !== props) return;
    if (Stage.of(stack) !== stage && tags.length > 0) {
      for (const c of stack.node.findAll()) if (Stack.of(c) === stack) for (const tag of tags) tag.visit(c);
    }
    if (!stack.nested && !stack.node.metadata.some((m) => m.type === STANDARD_METADATA)) stack.node.addMetadata(STANDARD_METADATA, recorded);
  });
}

/**
 * Warn, on the stage's first stack, when the app registers an EcsChecks of its own besides the standard's, before or
 * after apply() (every kit finding would be reported twice), or loads two copies of the kit (constructs of the other
 * copy may miss the standard). On a stack, not the app: the CDK CLI prints stack metadata.
 */
function warnSetup(app: IConstruct, stage: Stage): void {
  let warned = false;
  Aspects.of(app).add({
    visit(node: IConstruct) {
      if (warned || !Stack.isStack(node) || Stage.of(node) !== stage) return;
      warned = true;
      const where = stage.node.path ? `Stage ${stage.node.path}` : 'The app';
      const copies = loadedCopies();
      if (copies.length > 1) {
        Annotations.of(node).addWarningV2('cdk-ecs-kit:loaded-twice', `cdk-ecs-kit is loaded from ${copies.length} places (${copies.join(', ')}): `
          + 'kit constructs of one copy may miss the defaults of a DeploymentStandard applied with another, and its checks (ORG rules, '
          + 'cdk-nag packs) may report less than they should. '
          + 'Install one copy: make cdk-ecs-kit, aws-cdk-lib and constructs peerDependencies of the package that holds the standard '
          + '(devDependencies for its own tests), and for a file: dependency set install-links=true in the app\'s .npmrc.'
          + cdkLibsLoadedTwice());
      }
      const plugins = stagePlugins(stage);
      if (plugins.filter((p) => p instanceof EcsChecks).length >= 2) {
        Annotations.of(node).addWarningV2('cdk-ecs-kit:checks-registered-twice', `${where} registers `
          + 'EcsChecks besides the one a DeploymentStandard registers: every kit finding is reported twice. Remove the explicit EcsChecks '
          + '(pass its quotas and severities through the standard: extend({ quotaOverrides, severityOverrides })).');
      }
      // A pack added by hand after apply() (apply() skips the ones added before).
      const twice = [...new Set(plugins.filter((p) => !(p instanceof EcsChecks)).map((p) => p.name))]
        .filter((name) => plugins.filter((p) => p.name === name).length >= 2);
      if (twice.length > 0) {
        Annotations.of(node).addWarningV2('cdk-ecs-kit:pack-registered-twice', `${where} registers ${twice.join(', ')} more than once: `
          + 'every finding of it is reported twice. The DeploymentStandard registers its nagPacks itself: remove the explicit addPlugins call, '
          + 'or make it before apply().');
      }
    },
  });
}

/** The loaded-twice warning's sentence on a second aws-cdk-lib, which silences the validation plugins built on it. */
function cdkLibsLoadedTwice(): string {
  const libs = loadedCdkLibs();
  return libs.length > 1 ? ` aws-cdk-lib is loaded from ${libs.length} places too (${libs.join(', ')}): a validation plugin built on `
    + 'one copy (a cdk-nag pack the standard registers) finds nothing in an app built on the other.' : '';
}
