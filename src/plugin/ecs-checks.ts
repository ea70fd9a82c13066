import * as fs from 'fs';
import * as path from 'path';
import {
  CfnResource, IPolicyValidationContext, IPolicyValidationPlugin, NestedStack, PolicyValidationPluginReport, PolicyViolation, Stack, Stage,
  Token, Validations,
} from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { acknowledgementsOn, collectAcknowledgements, findAcknowledgement, PLUGIN_NAME, recordStageAcknowledgements } from './acknowledgements';
import { builtInValidatorFailsSynth } from './builtin-validator';
import { recordChecksSettings, registerChecksSettings } from './recorded-settings';
import { beforeEveryRender, keepRenderedTemplates, renderedTemplate } from '../internal/cdk-internals';
import { QuotaProfile } from '../quotas/quota-profile';
import { ALL_RULES } from '../rules';
import { AssemblyPaths, parseEnvironment, readJsonTemplate, stackNameFromFile } from '../rules/assembly-loader';
import { runRules } from '../rules/engine';
import { AssemblyModel, CfnTemplate, StackEnvironment, StackInput } from '../rules/model';
import { Finding, Rule, Severity } from '../rules/rule';
import { ACCOUNT_REGION_RULE_IDS, withSharedAccountRegions } from '../rules/shared-account-regions';
import type { DeploymentStandard } from '../standards/deployment-standard';
import { orgRulesFor } from '../standards/rules';
import { packageVersion } from '../version';

/** Options for EcsChecks. */
export interface EcsChecksProps {
  /**
   * Quota values the app-wide limit checks use.
   * @default QuotaProfile.current()
   */
  readonly quotas?: QuotaProfile;
  /**
   * Rule ids not to run, e.g. `['ECS-CT-23']`. Recorded in the cloud assembly: `cdk-ecs-kit check` on it leaves them out too.
   * @default - every rule runs
   */
  readonly disabledRules?: string[];
  /**
   * Severity per rule id, replacing the rule's default. Recorded in the cloud assembly, as disabledRules are.
   * @default - each rule's own severity
   */
  readonly severityOverrides?: { [ruleId: string]: Severity };
  /**
   * Also run rules that aws-cdk-lib's built-in CloudFormation validator
   * already covers (e.g. Fargate cpu/memory pairs, E3047) while that
   * validator fails synth on its errors. Off by default to avoid duplicate
   * findings. The overlapping rules always run when the validator only warns
   * (the default: `@aws-cdk/core:validateAgainstDefaultRules` unset), when it
   * is off (`CDK_VALIDATION=false`), and in the CLI.
   * @default false
   */
  readonly includeBuiltInOverlaps?: boolean;
  /**
   * A deployment standard whose ORG-* rules run with the kit's rules
   * (`DeploymentStandard.apply()` sets this).
   * @default - no ORG rules
   */
  readonly standard?: DeploymentStandard;
}

/** A finding that was acknowledged, with the reason. */
export interface AcknowledgedFinding {
  /** The finding as the rule reported it. */
  readonly finding: Finding;
  /** The reason given to acknowledge(). */
  readonly reason: string;
  /** Construct path where it was acknowledged. */
  readonly acknowledgedAt: string;
}

/** The result of `EcsChecks.check()`. */
export interface EcsCheckReport {
  /** Findings not acknowledged. */
  readonly findings: Finding[];
  /** Findings acknowledged with Validations.of(scope).acknowledge(), with their reasons. */
  readonly acknowledged: AcknowledgedFinding[];
  /** Number of unacknowledged error findings. */
  readonly errorCount: number;
  /** Number of unacknowledged warning findings. */
  readonly warningCount: number;
}

/**
 * The kit's synth-time ECS checks as a CDK validation plugin:
 * `Validations.of(app).addPlugins(new EcsChecks())`. Errors fail synth,
 * warnings are reported. Acknowledge a finding with
 * `Validations.of(scope).acknowledge({ id: 'ECS-TD-01', reason })`.
 */
export class EcsChecks implements IPolicyValidationPlugin {
  /**
   * Plugin-free path: synthesize the app (or stage) and return the findings
   * as data, with acknowledgements applied. An error on a kit construct's own
   * resource fails the synth itself, as aws-cdk-lib's construct validations
   * do, and is thrown.
   */
  public static check(app: Stage, props: EcsChecksProps = {}): EcsCheckReport {
    const checks = new EcsChecks(props);
    const assembly = app.synth();
    const skipOverlaps = builtInValidatorFailsSynth(app);
    const pathsOf = constructPaths(app);
    // Each stage is its own assembly; quotas add up per assembly, and per account and Region across them.
    const groups: StackInput[][] = [];
    const collect = (asm: typeof assembly) => {
      groups.push(asm.stacks.flatMap((s) => stackInputs(app, {
        name: s.hierarchicalId ?? s.stackName,
        stackPath: s.hierarchicalId,
        artifactId: s.id,
        file: s.templateFullPath,
        environment: parseEnvironment(s.environment ? `aws://${s.environment.account}/${s.environment.region}` : undefined),
      }, pathsOf)));
      for (const nested of asm.nestedAssemblies) collect(nested.nestedAssembly);
    };
    collect(assembly);
    const findings = checks.runOnAssemblies(skipOverlaps, groups);
    const acks = collectAcknowledgements(app, new Set(checks.rules.map((r) => r.id)));
    const open: Finding[] = [];
    const acknowledged: AcknowledgedFinding[] = [];
    for (const f of findings) {
      const ack = findAcknowledgement(acks, f.ruleId, f.path);
      if (ack) acknowledged.push({ finding: f, reason: ack.reason, acknowledgedAt: ack.path });
      else open.push(f);
    }
    return {
      findings: open,
      acknowledged,
      errorCount: open.filter((f) => f.severity === Severity.ERROR).length,
      warningCount: open.filter((f) => f.severity === Severity.WARNING).length,
    };
  }

  public readonly name = PLUGIN_NAME;
  public readonly version?: string;
  public readonly ruleIds?: string[];
  private readonly props: EcsChecksProps;
  private readonly rules: readonly Rule[];

  constructor(props: EcsChecksProps = {}) {
    const known = new Set(ALL_RULES.map((r) => r.id));
    const standardSeverities = props.standard?.props.severityOverrides ?? {};
    for (const id of [...props.disabledRules ?? [], ...Object.keys(props.severityOverrides ?? {}), ...Object.keys(standardSeverities)]) {
      if (!known.has(id)) {
        throw new Error(`EcsChecks: unknown rule id '${id}' in disabledRules/severityOverrides; see docs/rules.md for the ${known.size} rule ids (e.g. ECS-TD-01).`);
      }
    }
    // The app's own overrides win over its standard's.
    this.props = { ...props, severityOverrides: { ...standardSeverities, ...props.severityOverrides } };
    this.rules = [...ALL_RULES, ...props.standard ? orgRulesFor(props.standard.props) : []];
    this.version = packageVersion();
    this.ruleIds = this.rules.map((r) => r.id);
    keepRenderedTemplates();
    beforeEveryRender(recordStageAcknowledgements);
    registerChecksSettings(this, { disabledRules: props.disabledRules ?? [], severityOverrides: props.severityOverrides ?? {} });
    beforeEveryRender(recordChecksSettings);
  }

  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    // Each stage writes its own assembly directory; quotas add up per assembly.
    const groups = new Map<string, StackInput[]>();
    const pathsOf = constructPaths(context.appConstruct);
    for (const s of context.stackTemplates) {
      const dir = path.dirname(s.templatePath);
      groups.set(dir, [...groups.get(dir) ?? [], ...stackInputs(context.appConstruct, {
        name: s.stackConstructPath || stackNameFromFile(s.templatePath),
        stackPath: s.stackConstructPath,
        artifactId: stackNameFromFile(s.templatePath),
        file: s.templatePath,
        environment: { account: s.accountId, region: s.region },
      }, pathsOf)]);
    }
    const skipOverlaps = context.appConstruct ? builtInValidatorFailsSynth(context.appConstruct) : false;
    const findings = this.runOnAssemblies(skipOverlaps, [...groups.values()]);
    const stacks = [...groups.values()].flat();
    mirrorBareAcknowledgements(context.appConstruct, findings);

    const fileOf = new Map(stacks.map((s) => [s.name, s.file]));
    const violations = new Map<string, PolicyViolation & { violatingResources: any[] }>();
    for (const f of findings) {
      const key = `${f.ruleId}|${f.severity}|${f.message}`;
      const v = violations.get(key) ?? {
        ruleName: f.ruleId,
        description: f.message,
        fix: f.fix,
        severity: f.severity,
        violatingResources: [],
      };
      v.violatingResources.push({
        resourceLogicalId: f.logicalId,
        templatePath: fileOf.get(f.stack),
        locations: [f.property],
      });
      violations.set(key, v);
    }
    return {
      success: !findings.some((f) => f.severity === Severity.ERROR),
      violations: [...violations.values()],
      pluginVersion: this.version,
    };
  }

  /**
   * Run the rules over each assembly; stages deployed to one account and Region share its quotas and registry, so
   * those rules judge the stacks of such an account and Region together.
   */
  private runOnAssemblies(skipOverlaps: boolean, assemblies: StackInput[][]): Finding[] {
    const accountRules = this.rules.filter((r) => ACCOUNT_REGION_RULE_IDS.has(r.id));
    return withSharedAccountRegions(assemblies, assemblies.flatMap((stacks) => this.runOn(skipOverlaps, stacks)),
      (group) => this.runOn(skipOverlaps, [...group.stacks], accountRules));
  }

  /** Run the rules (by default all of them) over stacks of one assembly. */
  private runOn(skipOverlaps: boolean, stacks: StackInput[], rules: readonly Rule[] = this.rules): Finding[] {
    return runRules(new AssemblyModel(stacks), {
      rules,
      skipBuiltInOverlaps: skipOverlaps && !this.props.includeBuiltInOverlaps,
      quotas: this.props.quotas ?? this.props.standard?.quotas,
      disabled: this.props.disabledRules,
      severityOverrides: this.props.severityOverrides,
    });
  }
}

/** A stack synth wrote: its name in reports, construct path, artifact id, template file and environment. */
interface WrittenStack {
  readonly name: string;
  readonly stackPath?: string;
  readonly artifactId: string;
  readonly file: string;
  readonly environment: StackEnvironment;
}

/** The stack and the NestedStacks below it, as stacks to check. */
function stackInputs(root: IConstruct | undefined, written: WrittenStack, pathsOf: ReturnType<typeof constructPaths>): StackInput[] {
  const dir = path.dirname(written.file);
  const stack = stackAt(root, written.stackPath);
  const input: StackInput = {
    name: written.name,
    // The object synth wrote the file from, when kept; else the file (read and parsed again).
    template: (stack && renderedTemplate(stack, written.file) as CfnTemplate | undefined) ?? readJsonTemplate(written.file, true),
    environment: written.environment,
    file: written.file,
    templateSize: fs.statSync(written.file).size,
    constructPathOf: pathsOf(dir, written.artifactId),
    stackName: stack && !Token.isUnresolved(stack.stackName) ? stack.stackName : undefined,
    stackTags: stack ? literalTags(stack.tags.tagValues()) : undefined,
  };
  return [input, ...nestedStacks(stack, input, dir, pathsOf)];
}

/** The tags whose key and value are literals (a token's value is only known at deploy). */
function literalTags(tags: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(tags).filter(([k, v]) => !Token.isUnresolved(k) && !Token.isUnresolved(v)));
}

/** Whether a template has an AWS::CloudFormation::Stack resource (for-in: no array of thousands of resources). */
function hasNestedStack(template: CfnTemplate): boolean {
  const resources = template.Resources ?? {};
  for (const id in resources) if (resources[id]?.Type === 'AWS::CloudFormation::Stack') return true;
  return false;
}

/** The stack at `stackPath` in the app, when it is there. */
function stackAt(root: IConstruct | undefined, stackPath: string | undefined): Stack | undefined {
  if (!root || !stackPath) return undefined;
  let node: IConstruct | undefined = root.node.root;
  for (const id of stackPath.split('/')) node = node?.node.tryFindChild(id);
  return node && Stack.isStack(node) ? node : undefined;
}

/**
 * The NestedStacks below `stack`, as stacks of their own (each has its own resource limit; references to
 * the parent arrive as parameters). The tree is walked only when the template has a nested stack resource.
 */
function nestedStacks(stack: Stack | undefined, parent: StackInput, dir: string, pathsOf: ReturnType<typeof constructPaths>): StackInput[] {
  if (!stack || !hasNestedStack(parent.template)) return [];
  return stack.node.findAll().filter(NestedStack.isNestedStack).flatMap((nested) => {
    const file = path.join(dir, nested.templateFile);
    const owner = nested.nestedStackParent;
    const resource = nested.nestedStackResource;
    if (!fs.existsSync(file) || !owner || !resource) return [];
    return [{
      name: nested.node.path,
      template: renderedTemplate(nested, file) as CfnTemplate | undefined ?? readJsonTemplate(file, true),
      environment: parent.environment,
      stackTags: parent.stackTags,
      file,
      templateSize: fs.statSync(file).size,
      constructPathOf: pathsOf(dir, nested.artifactId),
      builtInValidated: false,
      // References into it arrive as parameters its parent's stack resource passes (and outputs go back).
      nestedIn: { parent: owner === stack ? parent.name : owner.node.path, logicalId: owner.resolve(resource.logicalId) as string },
    }];
  });
}

/**
 * Construct paths by assembly directory, stack artifact id and logical id,
 * for templates synthesized without aws:cdk:path metadata (app.synth()
 * outside the CDK CLI). Read from the assembly's `aws:cdk:logicalId`
 * metadata, once per stack and only when a path is first asked for; the
 * construct tree is walked only when that metadata is off.
 */
function constructPaths(root: IConstruct | undefined): (dir: string, artifactId: string) => (logicalId: string) => string | undefined {
  const assemblies = new Map<string, AssemblyPaths>();
  const fromTree = root ? treePaths(root) : undefined;
  return (dir, artifactId) => {
    let index: Map<string, string> | undefined | null;
    return (logicalId) => {
      if (index === undefined) {
        let assembly = assemblies.get(dir);
        if (!assembly) assemblies.set(dir, assembly = new AssemblyPaths(dir));
        index = assembly.stack(artifactId) ?? null;
      }
      return index ? index.get(logicalId) : fromTree?.(artifactId)(logicalId);
    };
  };
}

/**
 * Construct paths by stack artifact id and logical id, read from the tree
 * (when the assembly records no logical ids): each stack is indexed only
 * when one of its paths is first asked for.
 */
function treePaths(root: IConstruct): (artifactId: string) => (logicalId: string) => string | undefined {
  let stacks: Map<string, Stack> | undefined;
  const indexes = new Map<string, Map<string, string>>();
  return (artifactId) => (logicalId) => {
    let index = indexes.get(artifactId);
    if (!index) {
      stacks ??= new Map(root.node.findAll().filter(Stack.isStack).map((st) => [st.artifactId, st]));
      index = new Map();
      const stack = stacks.get(artifactId);
      for (const c of stack?.node.findAll() ?? []) {
        if (!CfnResource.isCfnResource(c) || Stack.of(c) !== stack) continue;
        const id = stack.resolve(c.logicalId);
        if (typeof id === 'string') index.set(id, c.node.path);
      }
      indexes.set(artifactId, index);
    }
    return index.get(logicalId);
  };
}

/**
 * CDK matches plugin findings against acknowledgements in the plugin's own
 * namespace and shows matches in its report as acknowledged. A bare
 * `acknowledge({ id: 'ECS-TD-01' })` is stored under the annotation
 * namespace, so it is copied into ours.
 */
function mirrorBareAcknowledgements(root: IConstruct | undefined, findings: readonly Finding[]): void {
  if (!root || findings.length === 0) return;
  // An acknowledgement covers its construct and everything below it, so only
  // the constructs on each finding's path can hold one: no walk of the tree.
  const done = new Set<string>();
  for (const f of findings) {
    let node: IConstruct | undefined = root;
    const chain: IConstruct[] = [root];
    for (const id of f.path.split('/')) {
      node = node?.node.tryFindChild(id);
      if (!node) break;
      chain.push(node);
    }
    // Finding paths drop a trailing /Resource or /Default: the L1 may hold it too.
    for (const l1 of ['Resource', 'Default']) {
      const child = node?.node.tryFindChild(l1);
      if (child) chain.push(child);
    }
    for (const c of chain) {
      const key = `${c.node.path}|${f.ruleId}`;
      if (done.has(key)) continue;
      done.add(key);
      for (const ack of acknowledgementsOn(c)) {
        if (ack.namespaced || ack.ruleId !== f.ruleId) continue;
        c.node.addMetadata(Validations.ACKNOWLEDGED_RULES_METADATA_KEY, { [`${PLUGIN_NAME}::${f.ruleId}`]: ack.reason });
      }
    }
  }
}
