/**
 * Runs the CLI over published ECS templates (../shared/real-templates/cfn)
 * and the task-definition JSON import over ../shared/real-templates/taskdef-json,
 * printing crashes, exit codes and findings, to hunt false positives.
 * The samples are not part of the project; pass another folder as argv[2].
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Annotations } from 'aws-cdk-lib/assertions';
import { main } from '../src/cli/main';
import { TaskDefinitionJson } from '../src/task';

const root = process.argv[2] ?? path.join(__dirname, '..', '..', 'shared', 'real-templates');
const cfnDir = path.join(root, 'cfn');
if (!fs.existsSync(cfnDir)) {
  console.log(`no samples at ${cfnDir}`);
  process.exit(0);
}

let crashes = 0;
const byRule = new Map<string, number>();
for (const name of fs.readdirSync(cfnDir).sort()) {
  const file = path.join(cfnDir, name);
  let out = '';
  let err = '';
  let code: number;
  try {
    code = main(['check', '--format', 'json', file], { stdout: (t) => { out += t; }, stderr: (t) => { err += t; } });
  } catch (e) {
    crashes++;
    console.log(`CRASH ${name}: ${(e as Error).stack}`);
    continue;
  }
  if (code === 2) {
    console.log(`BAD INPUT ${name}: ${err.trim()}`);
    continue;
  }
  const findings = JSON.parse(out).findings as { ruleId: string; severity: string; message: string }[];
  console.log(`${code === 0 ? 'ok   ' : 'ERROR'} ${name}: ${findings.length} findings`);
  for (const f of findings) {
    byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
    console.log(`      ${f.severity} ${f.message}`);
  }
}
console.log(`\n${crashes} crashes; findings by rule: ${[...byRule].map(([k, v]) => `${k}=${v}`).join(', ') || 'none'}`);

// The JSON import: each task definition through TaskDefinitionJson, synthesized.
const jsonDir = path.join(root, 'taskdef-json');
process.env.CDK_VALIDATION = 'false';
for (const name of fs.existsSync(jsonDir) ? fs.readdirSync(jsonDir).sort() : []) {
  const stack = new Stack(new App(), 'Import');
  try {
    TaskDefinitionJson.fromFile(stack, 'TaskDef', path.join(jsonDir, name));
    const warnings = Annotations.fromStack(stack).findWarning('*', '*' as any).map((w) => String(w.entry.data));
    console.log(`ok    ${name}${warnings.length ? `: ${warnings.length} warnings` : ''}`);
    for (const w of warnings) console.log(`      warning ${w.split('\n')[0]}`);
  } catch (e) {
    console.log(`ERROR ${name}: ${(e as Error).message.split('\n').find((l) => l.includes('[')) ?? (e as Error).message}`);
  }
}
