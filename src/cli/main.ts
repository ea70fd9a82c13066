#!/usr/bin/env node
/**
 * The `cdk-ecs-kit` command:
 *   cdk-ecs-kit check [--format text|json|sarif] [--quotas current|legacy|FILE] [--disable ID,...] [--severity ID=LEVEL,...] [--baseline OLD_CDK_OUT] [--standard FILE] [--ignore-acknowledgements] PATH...
 *   cdk-ecs-kit quotas [--format text|json] [--quotas current|legacy|FILE] [--ignore-acknowledgements] PATH...
 *   cdk-ecs-kit cost [--region R] [--prices FILE] [--format text|json] PATH...
 *   cdk-ecs-kit migrate copilot [--out FILE] [--import-from MODULE] MANIFEST...
 * Exit codes: 0 no errors, 1 at least one error finding, 2 bad input.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Command, CommanderError, Option } from 'commander';
import { applyAcknowledgements, recordedAcknowledgements, unknownAcknowledgements } from './acknowledgements';
import { runCost } from './cost-command';
import { loadInputs, loadInputsCollecting } from './inputs';
import { appChecksSettings, Judging, recordedStandards } from './recorded-judging';
import { CheckedFinding, formatJson, formatText } from './report-format';
import { formatSarif, InputProblem } from './sarif';
import { yamlAliases } from './yaml-template';
import { ALL_KIT_CHECKS } from '../kit-checks';
import { ManifestError, migrateCopilotFiles } from '../migrate/migrate-copilot';
import { QuotaProfile } from '../quotas/quota-profile';
import { capacityReport, formatCapacityReport, QuotaUsageRow } from '../quotas/report';
import { ALL_RULES } from '../rules';
import { AssemblyInput, fsProblem, InputError, unexpandedMacros } from '../rules/assembly-loader';
import { runRules } from '../rules/engine';
import { AssemblyModel, StackInput } from '../rules/model';
import { regionLabel } from '../rules/quota/usage-types';
import { REPLACEMENT_RULE_ID, replacementFindings } from '../rules/replacement/replacement-guard';
import { Rule, Severity } from '../rules/rule';
import { ACCOUNT_REGION_QUOTAS, ACCOUNT_REGION_RULE_IDS, sharedAccountRegions, withSharedAccountRegions } from '../rules/shared-account-regions';
import type { DeploymentStandard } from '../standards/deployment-standard';
import { ORG_RULES, orgRulesFor } from '../standards/rules';
import { standardLabel } from '../standards/rules/org-rule';
import { taskDefinitionJsonPointer, taskDefinitionJsonProse } from '../task/json/task-definition-template';
import { packageVersion } from '../version';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const defaultIo: CliIo = {
  stdout: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  stderr: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
};

/** Thrown for bad arguments; exit code 2. */
class UsageError extends Error {}

export function resolveQuotas(value: string | undefined): QuotaProfile {
  if (value === undefined || value === 'current') return QuotaProfile.current();
  if (value === 'legacy') return QuotaProfile.legacy();
  try {
    return QuotaProfile.fromFile(value);
  } catch (e) {
    // One line that names the file once, as for templates.
    const cause = (e as Error).cause;
    if ((cause as NodeJS.ErrnoException | undefined)?.code) throw new InputError(value, `cannot read quota file: ${fsProblem(cause)}`);
    if (cause instanceof SyntaxError) throw new InputError(value, `quota file is not valid JSON (${cause.message})`);
    throw new InputError(value, (e as Error).message.replace(`${value}: `, ''));
  }
}

function parseDisabled(value: string | undefined, ruleIds: readonly string[]): string[] {
  // Construct checks' warnings recorded at synth can be left out too.
  const known = new Set([...ruleIds, ...ALL_KIT_CHECKS.map((c) => c.id)]);
  // Ids are upper case; a shell user's `ecs-rc-04` means the same rule.
  const ids = (value ?? '').split(',').map((s) => s.trim()).filter(Boolean).map((id) => (known.has(id.toUpperCase()) ? id.toUpperCase() : id));
  const unknown = ids.filter((id) => !known.has(id) && !id.startsWith('cdk-ecs-kit:'));
  if (unknown.length > 0) throw new UsageError(`--disable: unknown rule id(s) ${unknown.join(', ')} (see docs/rules.md)`);
  return ids;
}

/** `--severity ECS-RP-01=error,ECS-CT-23=error`: severities by rule id. */
function parseSeverities(value: string | undefined, ruleIds: readonly string[]): Record<string, Severity> {
  const out: Record<string, Severity> = {};
  const levels = Object.values(Severity) as string[];
  for (const entry of (value ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const [given, level] = entry.split('=').map((s) => s.trim());
    const id = ruleIds.includes(given.toUpperCase()) ? given.toUpperCase() : given;
    if (!ruleIds.includes(id)) throw new UsageError(`--severity: unknown rule id '${id}' (see docs/rules.md); write ID=LEVEL, e.g. ECS-RP-01=error`);
    if (!levels.includes(level)) throw new UsageError(`--severity: level '${level ?? ''}' of ${id} is unknown; allowed: ${levels.join(', ')}`);
    out[id] = level as Severity;
  }
  return out;
}

interface CheckOptions {
  format: string; quotas?: string; disable?: string; severity?: string; baseline?: string; standard?: string; ignoreAcknowledgements?: boolean;
}

function loadStandard(file: string): DeploymentStandard {
  // Loaded only for --standard: it brings aws-cdk-lib and cdk-nag, which the checks themselves never need.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { DeploymentStandard: Standard } = require('../standards/deployment-standard') as typeof import('../standards/deployment-standard');
  try {
    return Standard.fromFile(file);
  } catch (e) {
    throw new InputError(file, (e as Error).message.replace(`${file}: `, ''));
  }
}

function runCheck(paths: string[], opts: CheckOptions, io: CliIo): number {
  const explicit = opts.standard ? loadStandard(opts.standard) : undefined;
  const ruleIds = [...ALL_RULES.map((r) => r.id), ...ORG_RULES.map((r) => r.id)];
  const disabled = parseDisabled(opts.disable, ruleIds);
  const severities = parseSeverities(opts.severity, [...ruleIds, REPLACEMENT_RULE_ID]);
  // A PATH that cannot be read fails the run (exit 2) after the others are checked and reported.
  const { assemblies, failures, skipped } = loadInputsCollecting(paths);
  const problems: InputProblem[] = [
    ...failures.map((e) => ({ file: e.file, message: e.message, level: 'error' as const })),
    ...skipped.map((e) => ({ file: e.file, message: `${e.message}; left out of the folder's templates`, level: 'warning' as const })),
  ];
  // Each assembly (app or stage) is judged by --standard, else by the standard its synth applied and recorded.
  const recorded = recordedStandards((input, standard) => io.stderr(`cdk-ecs-kit: note: judging ${input.source} by ${standardLabel(standard.props)}, `
    + 'which its synth applied (recorded in the assembly); --standard FILE overrides\n'));
  const standardOf = (input: AssemblyInput): Judging | undefined => explicit ?? recorded(input);
  const findings: CheckedFinding[] = [];
  const used = new Set<Rule>(ALL_RULES);
  const notRunNoted = new Set<string>();
  let stackCount = 0;
  // How each assembly was judged, for the rules that judge stacks of one account and Region across assemblies.
  const judging: Parameters<typeof runRules>[1][] = [];
  for (const input of assemblies) {
    const standard = standardOf(input);
    const notRun = [...standard?.props.nagPacks ?? [], ...standard?.props.controlTower ? ['Control Tower'] : []];
    // cdk-nag and cfn-guard run in the CDK app's synth; a verdict without them must say so.
    if (standard && notRun.length > 0 && !notRunNoted.has(notRun.join(', '))) {
      notRunNoted.add(notRun.join(', '));
      io.stderr(`cdk-ecs-kit: note: the standard's ${notRun.join(', ')} checks run in synth (apply()), not in check: this verdict covers the kit and ORG rules only\n`);
    }
    // An explicit --quotas wins over the standard's quota profile.
    const quotas = opts.quotas === undefined && standard ? standard.quotas : resolveQuotas(opts.quotas);
    const rules: Rule[] = [...ALL_RULES, ...standard ? orgRulesFor(standard.props) : []];
    rules.forEach((r) => used.add(r));
    const model = new AssemblyModel(input.stacks);
    const files = new Map(input.stacks.map((s) => [s.name, s.file]));
    // A cloud assembly's templates are generated: text output names construct paths there, not file lines.
    const generated = input.stacks.some((s) => s.constructPathOf !== undefined);
    const taskDefinitionFiles = new Map(input.stacks.filter((s) => s.taskDefinitionJson).map((s) => [s.name, s.taskDefinitionJsonRoot ?? '']));
    stackCount += input.stacks.length;
    // Rules over listeners and security groups stay silent on what it could change: say why, or a pass reads as a full one.
    for (const s of input.stacks) {
      const aliases = yamlAliases(s.template);
      if (aliases > 0) {
        io.stderr(`cdk-ecs-kit: note: ${s.file ?? s.name}: ${aliases} YAML alias${aliases === 1 ? '' : 'es'} (*name) expanded as \`aws cloudformation package\` `
          + 'and SAM do; CloudFormation rejects them in a template body ("Template error: YAML aliases are not allowed in CloudFormation templates"): deploy the packaged template\n');
      }
      const macros = unexpandedMacros(s.template);
      if (macros.length > 0) {
        io.stderr(`cdk-ecs-kit: note: ${s.file ?? s.name}: ${macros.join(', ')} not expanded (a CloudFormation transform or macro): the resources it makes are not checked\n`);
      }
    }
    for (const r of model.unloadedNestedStacks) {
      io.stderr(`cdk-ecs-kit: note: nested stack ${r.path} has no template in ${r.stack.file ?? input.source}: `
        + 'its resources are not checked, and the load balancer and security group reach rules skip what it could change '
        + '(the resources of its parent template, and those a template hands out through Outputs)\n');
    }
    // --severity wins over the standard's.
    // The app's EcsChecks settings, recorded at synth, judge its cdk.out as they judged the synth; the flags add to them.
    const app = appChecksSettings(input, io);
    const disabledHere = [...new Set([...app.disabledRules, ...disabled])];
    const severityOverrides = { ...standard?.props.severityOverrides, ...app.severityOverrides, ...severities };
    judging.push({ rules, quotas, disabled: disabledHere, severityOverrides });
    for (const f of runRules(model, { rules, quotas, disabled: disabledHere, severityOverrides })) {
      const root = taskDefinitionFiles.get(f.stack);
      const taskDefinitionJson = root !== undefined;
      // In the file's own field names: containerDefinitions/0/hostPort, "set hostPort".
      const inFileNames = taskDefinitionJson
        ? { property: `${root}${taskDefinitionJsonPointer(f.property)}`, message: taskDefinitionJsonProse(f.message), fix: taskDefinitionJsonProse(f.fix) }
        : {};
      findings.push({ ...f, ...inFileNames, file: files.get(f.stack), taskDefinitionJson, generated });
    }
    // What the kit's constructs warned about at synth: a CI job that runs only `check` sees them too.
    for (const s of input.stacks) {
      for (const w of s.constructWarnings ?? []) {
        if (disabledHere.includes(w.id)) continue;
        findings.push({ ruleId: w.id, severity: Severity.WARNING, stack: s.name, logicalId: '', path: w.path, property: '', value: '', message: w.message, fix: '', file: s.file });
      }
    }
  }
  judgeSharedAccountRegions(assemblies, judging, findings);
  if (opts.baseline) {
    const afterInputs = assemblies.flatMap((a) => a.stacks);
    const baselineStacks = loadInputs([opts.baseline]).flatMap((a: AssemblyInput) => a.stacks);
    // Only template files pair whatever their names: in a cdk.out a stack's name is its identity (a renamed stack is a new one).
    const allFiles = [opts.baseline, ...paths].every((p) => fs.existsSync(p) && fs.statSync(p).isFile());
    const beforeInputs = allFiles ? pairedBaseline(baselineStacks, afterInputs) : baselineStacks;
    const before = new AssemblyModel(beforeInputs);
    // Stacks are compared by name: say which have nothing to compare with, or a clean report reads as a compared one.
    const unmatched = afterInputs.filter((s) => !beforeInputs.some((b) => b.name === s.name)).map((s) => s.name);
    if (unmatched.length > 0) io.stderr(`cdk-ecs-kit: note: --baseline ${opts.baseline} has no stack ${unmatched.join(', ')}: not compared\n`);
    const files = new Map(afterInputs.map((s) => [s.name, s.file]));
    // ECS-RP-01 is a warning unless --severity (or the standard) says otherwise: a CI gate may fail on replacements.
    const rpSeverity = severities[REPLACEMENT_RULE_ID] ?? explicit?.props.severityOverrides?.[REPLACEMENT_RULE_ID];
    for (const f of replacementFindings(before, new AssemblyModel(afterInputs))) {
      findings.push({ ...f, ...rpSeverity ? { severity: rpSeverity } : {}, file: files.get(f.stack) });
    }
  }
  const { open, acknowledged } = opts.ignoreAcknowledgements
    ? { open: findings, acknowledged: [] }
    : applyAcknowledgements(findings, assemblies.flatMap((a) => a.stacks));
  if (opts.format === 'json') io.stdout(formatJson(open, acknowledged));
  else if (opts.format === 'sarif') io.stdout(formatSarif(open, [...used], packageVersion(), process.cwd(), acknowledged, problems));
  // A text summary of nothing checked ("0 errors in 0 stacks") would read as a pass.
  else if (stackCount > 0 || failures.length === 0) io.stdout(formatText(open, stackCount, acknowledged));
  for (const p of problems) io.stderr(`cdk-ecs-kit: ${p.level === 'error' ? '' : 'note: '}${p.message}\n`);
  const knownIds = new Set([...ruleIds, REPLACEMENT_RULE_ID, ...ALL_KIT_CHECKS.map((c) => c.id)]);
  for (const a of unknownAcknowledgements(assemblies.flatMap((x) => x.stacks), knownIds)) {
    io.stderr(`cdk-ecs-kit: note: ${a.path || 'the app'} acknowledges ${a.ruleId}, which is no rule or check of cdk-ecs-kit: it acknowledges `
      + 'nothing (a typo? the ids are in docs/rules.md)\n');
  }
  // An acknowledgement is an exception someone approved: one without a reason tells an audit nothing.
  const blank = new Set<string>();
  for (const a of acknowledged) {
    const key = `${a.finding.ruleId} ${a.acknowledgedAt}`;
    if (a.reason.trim() !== '' || blank.has(key)) continue;
    blank.add(key);
    io.stderr(`cdk-ecs-kit: note: ${a.acknowledgedAt || 'the app'} acknowledges ${a.finding.ruleId} without a reason: give it the reason it was `
      + 'approved (a ticket, who and why; acknowledge({ id, reason }) in CDK, `reason` in a template\'s Metadata entry), which check and the validation report show\n');
  }
  // On stderr, so json and sarif stay parseable: a CI log then shows what was not checked.
  if (disabled.length > 0) io.stderr(`Not run (--disable): ${disabled.join(', ')}\n`);
  if (failures.length > 0) return 2;
  return open.some((f) => f.severity === 'error') ? 1 : 0;
}

/**
 * Stacks pair by name. One top-level template file on each side pairs whatever the file names (`git show main:t.yaml > old.yaml`):
 * the baseline's stack takes the new one's name, and its nested stacks follow.
 */
function pairedBaseline(before: readonly StackInput[], after: readonly StackInput[]): StackInput[] {
  const tops = (list: readonly StackInput[]) => list.filter((s) => !s.nestedIn);
  const [oldTop, newTop] = [tops(before), tops(after)];
  if (oldTop.length !== 1 || newTop.length !== 1 || oldTop[0].name === newTop[0].name) return [...before];
  const from = oldTop[0].name;
  const to = newTop[0].name;
  const rename = (name: string) => (name === from ? to : name.startsWith(`${from}/`) ? `${to}${name.slice(from.length)}` : name);
  return before.map((s) => ({ ...s, name: rename(s.name), ...s.nestedIn ? { nestedIn: { ...s.nestedIn, parent: rename(s.nestedIn.parent) } } : {} }));
}

/**
 * Stages deployed to one literal account and Region share its quotas and registry: the account rules' findings on
 * their stacks come from one run over those stacks together, judged as the first of their assemblies is.
 */
function judgeSharedAccountRegions(
  assemblies: readonly AssemblyInput[], judging: readonly Parameters<typeof runRules>[1][], findings: CheckedFinding[],
): void {
  const judged = withSharedAccountRegions(assemblies.map((a) => a.stacks), findings, (group) => {
    const options = judging[group.assemblies[0]];
    const rules = (options.rules ?? ALL_RULES).filter((r) => ACCOUNT_REGION_RULE_IDS.has(r.id));
    const stacks = new Map(group.stacks.map((s) => [s.name, s]));
    return runRules(new AssemblyModel(group.stacks), { ...options, rules }).map((f) => {
      const stack = stacks.get(f.stack);
      return { ...f, file: stack?.file, taskDefinitionJson: false, generated: stack?.constructPathOf !== undefined };
    });
  });
  findings.splice(0, findings.length, ...judged);
}

function runQuotas(paths: string[], opts: { format: string; quotas?: string; ignoreAcknowledgements?: boolean }, io: CliIo): number {
  const explicit = opts.quotas === undefined ? undefined : resolveQuotas(opts.quotas);
  // Without --quotas, an assembly's limits are those of the standard its synth applied, as in synth and check.
  const recorded = recordedStandards((input, standard) => io.stderr(`cdk-ecs-kit: note: quotas of ${input.source} from ${standardLabel(standard.props)}, `
    + 'which its synth applied (recorded in the assembly); --quotas overrides\n'));
  // Acknowledged over-limit figures pass, as in synth and check.
  const inputs = loadInputs(paths);
  // Once per assembly: reading the recorded standard prints a note.
  const profiles = new Map(inputs.map((input) => [input, explicit ?? recorded(input)?.quotas ?? QuotaProfile.current()]));
  const profileOf = (input: AssemblyInput) => profiles.get(input)!;
  const acksOf = (stacks: readonly StackInput[]) => (opts.ignoreAcknowledgements ? [] : recordedAcknowledgements(stacks));
  let rows = inputs.flatMap((input) => capacityReport(new AssemblyModel(input.stacks), profileOf(input), acksOf(input.stacks)));
  // Stages deployed to one account and Region share its quotas: one row for them all, not one per stage.
  for (const group of sharedAccountRegions(inputs.map((a) => a.stacks))) {
    const scope = regionLabel(group.region, group.account);
    const shared = (r: QuotaUsageRow) => ACCOUNT_REGION_QUOTAS.includes(r.quota) && r.scope === scope;
    const together = capacityReport(new AssemblyModel(group.stacks), profileOf(inputs[group.assemblies[0]]), acksOf(group.stacks)).filter(shared);
    rows = [...rows.filter((r) => !shared(r)), ...together];
  }
  io.stdout(formatCapacityReport(rows, opts.format === 'json' ? 'json' : 'text'));
  // Over-limit rows fail; the Fargate vCPU rows are advisory (AWS raises them with usage).
  return rows.some((r) => r.used > r.limit && r.severity === 'error' && !r.acknowledged) ? 1 : 0;
}

/** Run the CLI in-process; returns the exit code. */
export function main(argv: readonly string[], io: CliIo = defaultIo): number {
  let code = 0;
  const program = new Command('cdk-ecs-kit')
    .description('Synth-time ECS checks for CloudFormation templates and cdk.out assemblies')
    .version(packageVersion())
    .exitOverride()
    .configureOutput({ writeOut: (t) => io.stdout(t), writeErr: (t) => io.stderr(t) });
  const format = (choices: string[]) => new Option('--format <format>', 'output format').choices(choices).default('text');

  program.command('check')
    .description('check templates (.json/.yaml), task definition JSON files or cdk.out directories; exit 1 on any error finding')
    .addOption(format(['text', 'json', 'sarif']))
    // No commander default here: with --standard, the standard's quota profile is the default.
    .addOption(new Option('--quotas <profile>', 'quota profile: current, legacy, or a JSON file (default: current, or the standard\'s profile with --standard)'))
    // Repeated --disable flags add up, as users expect of a list option.
    .option('--disable <ids>', 'comma-separated rule ids not to run (repeatable)', (value: string, previous?: string) => (previous ? `${previous},${value}` : value))
    .option('--severity <id=level>', 'comma-separated rule severities, e.g. ECS-RP-01=error (repeatable; wins over the standard\'s)',
      (value: string, previous?: string) => (previous ? `${previous},${value}` : value))
    .option('--standard <file>', 'also run the ORG rules of a deployment standard (JSON from DeploymentStandard.toJson()) with its quota profile')
    .option('--ignore-acknowledgements', 'report findings acknowledged with Validations.of(scope).acknowledge() or in a template\'s Metadata too')
    .option('--baseline <old_cdk_out>', 'replacement guard: warn about changes from this assembly (or template) that would replace ECS services, '
      + 'clusters, capacity providers or ECR repositories (not a list of findings to ignore)')
    .argument('<path...>', 'template files (.json, .yaml, .yml; local nested TemplateURLs are read too), task definition JSON files, '
      + 'folders of them, cdk.out directories, or - for standard input (get-template output)')
    .addHelpText('after', '\nExit codes: 0 no errors, 1 at least one error finding, 2 bad input (the other paths are still checked).\n'
      + 'Acknowledge a finding in a template with Metadata: { cdk-ecs-kit: { acknowledge: [{ id, reason }] } } on the resource '
      + '(or on the template, for all its resources).\n'
      + 'Rules, fixes and ids: docs/rules.md and docs/troubleshooting.md in the package.')
    .action((paths: string[], opts: CheckOptions) => { code = runCheck(paths, opts, io); });

  program.command('quotas')
    .description('print the quotas the app touches: used, limit, percent and the largest sources')
    .addOption(format(['text', 'json']))
    .addOption(new Option('--quotas <profile>', 'quota profile: current, legacy, or a JSON file (default: the standard the app applied, else current)'))
    .option('--ignore-acknowledgements', 'fail on over-limit figures the app acknowledged too')
    .argument('<path...>', 'template files, cdk.out directories, or - for standard input')
    .action((paths: string[], opts: { format: string; quotas?: string; ignoreAcknowledgements?: boolean }) => { code = runQuotas(paths, opts, io); });

  program.command('cost')
    .description('estimate the monthly cost of each service and of the app from a bundled price table (no network calls)')
    .addOption(format(['text', 'json']))
    .option('--region <region>', 'price every stack in this Region (default: each stack\'s Region, else us-east-1)')
    .option('--prices <file>', 'a newer price table (JSON) of the bundled schema')
    .option('--print-prices', 'print the price table in use as JSON and exit')
    .argument('[path...]', 'template files, cdk.out directories, or - for standard input')
    .action((paths: string[], opts: { format: string; region?: string; prices?: string; printPrices?: boolean }) => {
      code = runCost(paths, opts, io.stdout);
    });

  program.command('migrate')
    .description('write kit code from other deployment tools\' definitions')
    .command('copilot')
    .description('AWS Copilot service manifests -> one TypeScript file with the kit\'s constructs; unmapped fields become TODO(copilot) comments')
    .option('--out <file>', 'write the TypeScript here (default: stdout)')
    .option('--import-from <module>', 'module to import the kit from', 'cdk-ecs-kit')
    .argument('<manifest...>', 'Copilot manifest.yml files of one application, or the copilot folder (every copilot/<name>/manifest.yml)')
    .action((files: string[], opts: { out?: string; importFrom: string }) => {
      const result = migrateCopilotFiles(files, opts.out, opts.importFrom);
      // The comments as written: one TODO can name a field of several environments, and some come from outside a manifest.
      const todos = (result.code.match(/^\s*\/\/ TODO\(copilot\):/gm) ?? []).length;
      // A manifest that is one TODO as a whole (path '') has no kit construct: say so, not only in the file.
      const notMigrated = result.manifests.filter((m) => m.todos.some((t) => t.path === ''));
      const migrated = result.manifests.length - notMigrated.length;
      if (opts.out) {
        // Like other code generators: create the folder the file goes in (lib/, src/...).
        fs.mkdirSync(path.dirname(opts.out), { recursive: true });
        fs.writeFileSync(opts.out, result.code);
        io.stdout(`Wrote ${opts.out}: ${migrated} manifest(s) migrated${notMigrated.length ? `, ${notMigrated.length} not migrated` : ''}, `
          + `${todos} TODO(copilot) comment(s) to review`);
      } else {
        io.stdout(result.code);
      }
      for (const m of notMigrated) io.stderr(`cdk-ecs-kit: not migrated: ${m.file} (${m.name}): ${m.todos.find((t) => t.path === '')!.why}\n`);
      // Nothing became kit code: a failure for a script, as an Environment manifest alone is.
      if (migrated === 0) code = 2;
    });

  try {
    program.parse([...argv], { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof InputError || e instanceof UsageError || e instanceof ManifestError) {
      io.stderr(`cdk-ecs-kit: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
