/**
 * docs/compliance.md cannot rot: every rule a construct in src/ acknowledges
 * is named in its table with the source file, and its snippet that turns the
 * packs on compiles and synthesizes.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { AwsSolutionsChecks, HIPAASecurityChecks, NIST80053R5Checks, PCIDSS321Checks } from 'cdk-nag';
import { EcsChecks, FargateTask, StandardTesting, ViolationSeverity } from '../../src';

const ROOT = path.join(__dirname, '..', '..');
const DOC = fs.readFileSync(path.join(ROOT, 'docs', 'compliance.md'), 'utf8');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    return e.isDirectory() ? sourceFiles(rel) : rel.endsWith('.ts') ? [rel] : [];
  });
}

/** The pack rules one source file acknowledges: cdk-nag rule names (`IAM5`, `S3BucketLoggingEnabled`) and Control Tower rule names. */
export function acknowledgedRules(text: string): string[] {
  const rules: string[] = [];
  const ids = [...text.matchAll(/\bid:\s*(['`])((?:(?!\1).)*::(?:(?!\1).)*)\1/g)].map((m) => m[2]);
  for (const id of ids) {
    const rule = id.slice(id.indexOf('::') + 2);
    const nag = /^(?:[A-Za-z0-9.]+|\$\{\w+\})-([A-Za-z0-9]+|\$\{(\w+)\})/.exec(rule);
    if (!nag) {
      rules.push(rule); // cdk-validator-cfnguard::rule_name
    } else if (nag[2]) {
      // `${p}::${p}-${rule}` over a literal list: ['A', 'B'].map((rule) => ...)
      const list = new RegExp(`\\[([^\\]]*)\\]\\.map\\(\\(${nag[2]}\\)`).exec(text);
      if (!list) throw new Error(`acknowledgement id ${id}: cannot find the list that \${${nag[2]}} ranges over`);
      rules.push(...[...list[1].matchAll(/'([A-Za-z0-9]+)'/g)].map((m) => m[1]));
    } else {
      rules.push(nag[1]);
    }
  }
  return [...new Set(rules)];
}

/** Source files that make pack acknowledgements, with their rules. */
function kitAcknowledgements(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of sourceFiles('src')) {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    // Validations.of(x).acknowledge(...) and the kit's helpers that acknowledge when a stack renders (acknowledgeStarOnlyFor).
    if (!/\backnowledge\w*\(/.test(text)) continue;
    const rules = acknowledgedRules(text);
    if (rules.length > 0) found.set(file, rules);
  }
  return found;
}

test('every pack rule a construct acknowledges is named in docs/compliance.md with its source file', () => {
  const acks = kitAcknowledgements();
  expect(acks.size).toBeGreaterThanOrEqual(9);
  const missing: string[] = [];
  for (const [file, rules] of acks) {
    if (!DOC.includes(`\`${file}\``)) missing.push(`${file} (file)`);
    for (const rule of rules) {
      const named = /^[a-z0-9_]+$/.test(rule) ? DOC.includes(`cdk-validator-cfnguard::${rule}`) : new RegExp(`-${rule}\\b`).test(DOC);
      if (!named) missing.push(`${file}: ${rule}`);
    }
  }
  expect(missing).toEqual([]);
  // And the table names no source file that acknowledges nothing any more.
  const listed = [...DOC.matchAll(/`(src\/[^`]+\.ts)`/g)].map((m) => m[1]);
  expect(listed.filter((f) => !acks.has(f))).toEqual([]);
});

test('the extraction reads literal ids, template ids over pack lists, ranged rule lists and Control Tower ids', () => {
  const text = `
    acknowledge({ id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]', reason });
    ...packs.map((p) => ({ id: \`\${p}::\${p}-S3DefaultEncryptionKMS\`, reason })),
    ...NAG_PACKS.flatMap((p) => ['EC2RestrictedCommonPorts', 'EC2RestrictedSSH'].map((rule) => ({ id: \`\${p}::\${p}-\${rule}\`, reason }))),
    { id: \`\${CONTROL_TOWER}::sqs_dlq_check\`, reason },
    { id: 'cdk-validator-cfnguard::ecs_task_definition_nonroot_user_check', reason },
  `;
  expect(acknowledgedRules(text)).toEqual(['IAM5', 'S3DefaultEncryptionKMS', 'EC2RestrictedCommonPorts', 'EC2RestrictedSSH',
    'sqs_dlq_check', 'ecs_task_definition_nonroot_user_check']);
  expect(acknowledgedRules("acknowledge({ id: 'ECS-CT-23', reason })")).toEqual([]);
});

test('the snippet that turns the packs on compiles and synthesizes a kit task with no findings', () => {
  // --- docs/compliance.md snippet ---
  const app = new App({
    outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'compliance-doc-')),
    context: { '@aws-cdk/core:validationReportJson': true },
  });
  Validations.of(app).addPlugins(
    new AwsSolutionsChecks(app),
    new HIPAASecurityChecks(app),
    new NIST80053R5Checks(app),
    new PCIDSS321Checks(app),
    ViolationSeverity.errorByDefault(new CfnGuardValidator({ controlTowerRulesEnabled: true })),
    new EcsChecks(),
  );
  // --- end ---
  const stack = new Stack(app, 'Doc');
  new FargateTask(stack, 'Task', { container: { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/busybox:1.36') } });
  const previous = process.env.CDK_VALIDATION;
  process.env.CDK_VALIDATION = 'true';
  try {
    const report = StandardTesting.synthReport(app);
    expect(report.findings.map((f) => `${f.plugin} ${f.ruleId} ${f.path}`)).toEqual([]);
  } finally {
    if (previous === undefined) delete process.env.CDK_VALIDATION;
    else process.env.CDK_VALIDATION = previous;
  }
});
