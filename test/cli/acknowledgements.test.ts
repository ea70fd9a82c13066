/** `cdk-ecs-kit check` on a cdk.out honours the app's acknowledgements, and names those of an id no rule has (a typo). */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { runCli } from './run-cli';

function assembly(acknowledge: (td: ecs.FargateTaskDefinition) => void): string {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'ack-cli-')), context: { 'aws:cdk:enable-path-metadata': true } });
  const td = new ecs.FargateTaskDefinition(new Stack(app, 'Acks'), 'TaskDef', { cpu: 256, memoryLimitMiB: 4096 });
  td.addContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), memoryLimitMiB: 256 });
  acknowledge(td);
  return app.synth().directory;
}

test('an acknowledgement of an id no rule or check has is named on stderr; the finding it meant stays open', () => {
  const out = assembly((td) => Validations.of(td).acknowledge(
    { id: 'ECS-TD01', reason: 'typo of ECS-TD-01' },
    { id: 'ORG-NOPE-99', reason: 'no such rule' },
    { id: '@aws-cdk/aws-ecs:someWarning', reason: 'not a kit id: not judged' },
  ));
  const r = runCli('check', out);
  expect(r.code).toBe(1);
  expect(r.stdout).toContain('[ECS-TD-01]');
  expect(r.stderr.split('\n').filter((l) => l.includes('acknowledges'))).toEqual([
    'cdk-ecs-kit: note: Acks/TaskDef acknowledges ECS-TD01, which is no rule or check of cdk-ecs-kit: it acknowledges nothing (a typo? the ids are in docs/rules.md)',
    'cdk-ecs-kit: note: Acks/TaskDef acknowledges ORG-NOPE-99, which is no rule or check of cdk-ecs-kit: it acknowledges nothing (a typo? the ids are in docs/rules.md)',
  ]);
});

test('a known id is honoured and draws no note', () => {
  const out = assembly((td) => Validations.of(td).acknowledge({ id: 'ECS-TD-01', reason: 'sized by the platform team (PLAT-1)' }));
  const r = runCli('check', out);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('ACKED');
  expect(r.stderr).not.toContain('acknowledges');
});
