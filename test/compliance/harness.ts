/**
 * Compliance harness: runs the cdk-nag packs (AwsSolutions, HIPAA Security,
 * NIST 800-53 R5, PCI DSS 3.2.1), the AWS Control Tower proactive rules
 * (cfn-guard) and aws-cdk-lib's built-in CloudFormation validator over an
 * app, and returns the findings as data read from the JSON validation report.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import { App, AppProps, IPolicyValidationPlugin, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, NIST80053R5Checks, PCIDSS321Checks } from 'cdk-nag';
import { IConstruct } from 'constructs';

/** The packs the harness knows, by the plugin name they report under. */
export const PACKS = ['AwsSolutions', 'HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321', 'ControlTower'] as const;
export type PackName = typeof PACKS[number];

export interface ComplianceFinding {
  /** Pack (plugin) name: AwsSolutions, HIPAA.Security, NIST.800.53.R5, PCI.DSS.321, ControlTower, or the built-in validator's name. */
  readonly pack: string;
  readonly ruleId: string;
  /** Construct path of the violating resource. */
  readonly path: string;
  readonly message: string;
  readonly severity: string;
}

export interface Acknowledgement {
  readonly id: string;
  readonly reason: string;
  /** Construct path where acknowledge() was called. */
  readonly path: string;
}

export interface ComplianceResult {
  /** Findings that were not acknowledged. */
  readonly findings: ComplianceFinding[];
  /** Every acknowledgement recorded in the construct tree (with its reason). */
  readonly acknowledged: Acknowledgement[];
  /** Unacknowledged findings per pack, every pack listed (0 when clean). */
  readonly countByPack: Record<string, number>;
  /** The assembly directory. */
  readonly outdir: string;
}

const CONTROL_TOWER_PLUGIN = 'cdk-validator-cfnguard';

/**
 * An App set up for compliance runs: the built-in validator's errors fail
 * synth, and the JSON report is written. Context must be set before any
 * child construct exists, hence a factory.
 */
export function complianceApp(props: AppProps = {}): App {
  return new App({
    outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-kit-compliance-')),
    ...props,
    context: {
      '@aws-cdk/core:validateAgainstDefaultRules': true,
      '@aws-cdk/core:validationReportJson': true,
      ...props.context,
    },
  });
}

export interface RunComplianceOptions {
  /** Packs to attach. @default all of PACKS */
  readonly packs?: readonly PackName[];
  /** Extra plugins (e.g. the kit's EcsChecks) to run alongside. */
  readonly extraPlugins?: IPolicyValidationPlugin[];
}

/** Attach the packs, synthesize with the built-in validator on, and read the report. */
export function runCompliance(app: App, options: RunComplianceOptions = {}): ComplianceResult {
  const packs = options.packs ?? PACKS;
  const plugins: IPolicyValidationPlugin[] = [];
  if (packs.includes('AwsSolutions')) plugins.push(new AwsSolutionsChecks(app));
  if (packs.includes('HIPAA.Security')) plugins.push(new HIPAASecurityChecks(app));
  if (packs.includes('NIST.800.53.R5')) plugins.push(new NIST80053R5Checks(app));
  if (packs.includes('PCI.DSS.321')) plugins.push(new PCIDSS321Checks(app));
  if (packs.includes('ControlTower')) plugins.push(new CfnGuardValidator({ controlTowerRulesEnabled: true }) as unknown as IPolicyValidationPlugin);
  plugins.push(...options.extraPlugins ?? []);
  Validations.of(app).addPlugins(...plugins);

  const previous = process.env.CDK_VALIDATION;
  process.env.CDK_VALIDATION = 'true';
  // The report is read from the JSON file; the console copy is noise here.
  const consoleError = console.error;
  console.error = () => undefined;
  try {
    app.synth();
  } catch (e) {
    // Validation failures throw after the report is written; anything else is a real error.
    if (!fs.existsSync(path.join(app.outdir, 'validation-report.json'))) throw e;
  } finally {
    console.error = consoleError;
    if (previous === undefined) delete process.env.CDK_VALIDATION;
    else process.env.CDK_VALIDATION = previous;
  }
  return readReport(app, packs);
}

interface ReportJson {
  readonly pluginReports: {
    readonly pluginName: string;
    readonly violations?: {
      readonly ruleName: string;
      readonly description: string;
      readonly severity?: string;
      readonly violatingConstructs?: { readonly constructPath?: string }[];
    }[];
  }[];
}

function readReport(app: App, packs: readonly PackName[]): ComplianceResult {
  const file = path.join(app.outdir, 'validation-report.json');
  const findings: ComplianceFinding[] = [];
  if (fs.existsSync(file)) {
    const report = JSON.parse(fs.readFileSync(file, 'utf8')) as ReportJson;
    for (const plugin of report.pluginReports) {
      const pack = plugin.pluginName === CONTROL_TOWER_PLUGIN ? 'ControlTower' : plugin.pluginName;
      for (const v of plugin.violations ?? []) {
        for (const c of v.violatingConstructs ?? [{}]) {
          findings.push({ pack, ruleId: v.ruleName, path: c.constructPath ?? '', message: v.description, severity: v.severity ?? 'error' });
        }
      }
    }
  }
  const countByPack: Record<string, number> = {};
  for (const p of packs) countByPack[p] = 0;
  for (const f of findings) countByPack[f.pack] = (countByPack[f.pack] ?? 0) + 1;
  return { findings, acknowledged: collectAcknowledgements(app), countByPack, outdir: app.outdir };
}

/** Every Validations.acknowledge() entry in the tree, with its reason. */
export function collectAcknowledgements(root: IConstruct): Acknowledgement[] {
  const out: Acknowledgement[] = [];
  for (const c of root.node.findAll()) {
    for (const entry of c.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !entry.data) continue;
      for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
        // `Pack::Pack-Rule` (the form cdk-nag records) reads as `Pack-Rule`.
        out.push({ id: id.replace(/^annotation::/i, '').replace(/^([A-Za-z0-9.]+)::(?=\1-)/, ''), reason, path: c.node.path });
      }
    }
  }
  return out;
}

/** Short text of findings for failure messages. */
export function describeFindings(findings: readonly ComplianceFinding[]): string {
  return findings.map((f) => `${f.pack} ${f.ruleId} at ${f.path}: ${f.message.slice(0, 100)}`).join('\n');
}
