/**
 * Stages deployed to one literal account and Region share its quotas (found by a pipeline user trial: two stages in one
 * account each read 1 of 1 Application Load Balancer, and neither check nor quotas said the account needs 2).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Stage, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { main } from '../../src/cli/main';
import { EcsChecks } from '../../src/plugin/ecs-checks';
import { QuotaProfile } from '../../src/quotas/quota-profile';
import { QuotaUsageRow } from '../../src/quotas/report';

const QUOTAS = { quotas: { applicationLoadBalancersPerRegion: 1, clustersPerRegion: 2 } };

/** Dev and Test in account 111111111111, Prod in 333333333333, each with a cluster and an ALB; `envAgnostic` leaves env off. */
function pipelineApp(plugin?: EcsChecks, envAgnostic = false): App {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'shared-stages-')) });
  if (plugin) Validations.of(app).addPlugins(plugin);
  for (const [name, account] of [['Dev', '111111111111'], ['Test', '111111111111'], ['Prod', '333333333333']]) {
    const stage = new Stage(app, name, envAgnostic ? {} : { env: { account, region: 'eu-west-1' } });
    const stack = new Stack(stage, 'Base');
    const vpc = new ec2.Vpc(stack, 'Vpc', { availabilityZones: ['eu-west-1a', 'eu-west-1b'], natGateways: 0 });
    new ecs.Cluster(stack, 'Cluster', { vpc });
    new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc });
  }
  return app;
}

function cli(...argv: string[]): { code: number; out: string } {
  let out = '';
  const code = main(argv, { stdout: (t) => { out += t; }, stderr: (t) => { out += t; } });
  return { code, out };
}

function quotaFile(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shared-quotas-')), 'quotas.json');
  fs.writeFileSync(file, JSON.stringify(QUOTAS));
  return file;
}

describe('stages in one account and Region', () => {
  const dir = pipelineApp().synth().directory;
  const quotas = quotaFile();

  test('check sums the account\'s load balancers over Dev and Test (2 of 1), not Prod\'s in another account; exit 1', () => {
    const r = cli('check', '--format', 'json', '--quotas', quotas, dir);
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.out.slice(r.out.indexOf('{'))).findings.filter((f: { ruleId: string }) => f.ruleId === 'ECS-QT-09');
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toMatch(/Region eu-west-1 of account 111111111111 gets 2 Application Load Balancers from this app; most from Dev\/Base 1, Test\/Base 1/);
  });

  test('quotas prints one row for the shared account and Region, with both stages summed, and one for Prod', () => {
    const r = cli('quotas', '--format', 'json', '--quotas', quotas, dir);
    expect(r.code).toBe(1);
    const rows = (JSON.parse(r.out.slice(r.out.indexOf('['))) as QuotaUsageRow[]).filter((row) => row.quota === 'applicationLoadBalancersPerRegion');
    expect(rows.map((row) => [row.scope, row.used, row.status])).toEqual([
      ['Region eu-west-1 of account 333333333333', 1, 'near'],
      ['Region eu-west-1 of account 111111111111', 2, 'over'],
    ]);
  });

  test('EcsChecks judges the shared account the same way: at synth (the plugin fails it) and in EcsChecks.check', () => {
    const quotaProfile = QuotaProfile.current().withOverrides(QUOTAS.quotas);
    expect(() => pipelineApp(new EcsChecks({ quotas: quotaProfile })).synth())
      .toThrow(/\[ECS-QT-09\] Region eu-west-1 of account 111111111111 gets 2 Application Load Balancers from this app; most from Dev\/Base 1, Test\/Base 1/);
    const report = EcsChecks.check(pipelineApp(), { quotas: quotaProfile });
    expect(report.findings.filter((f) => f.ruleId === 'ECS-QT-09').map((f) => f.message.split(' from this app')[0])).toEqual([
      '[ECS-QT-09] Region eu-west-1 of account 111111111111 gets 2 Application Load Balancers',
    ]);
  });

  test('env-agnostic stages are not summed: nothing says their unknown accounts are one', () => {
    const r = cli('check', '--format', 'json', '--quotas', quotas, pipelineApp(undefined, true).synth().directory);
    expect(JSON.parse(r.out.slice(r.out.indexOf('{'))).findings.filter((f: { ruleId: string }) => f.ruleId === 'ECS-QT-09')).toEqual([]);
  });
});
