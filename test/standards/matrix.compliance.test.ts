/**
 * The compliance matrix: every example app (web, backend, worker, scheduled
 * job, EC2 daemon, ECR, and the org-standard consuming app) in ONE app under
 * the REGULATED standard extended to all four cdk-nag packs, applied with
 * DeploymentStandard.apply() (so apply() itself registers the packs, the
 * Control Tower validator and EcsChecks with the ORG rules). One synth with
 * the built-in validator failing on errors. Zero findings anywhere; every
 * acknowledgement is listed here with its reason, and a new one fails until
 * it is reviewed and added.
 */
import * as fs from 'fs';
import * as path from 'path';
import { aws_ec2 as ec2, Stack } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { buildExampleApp } from '../../examples/app';
import { buildOrdersStack } from '../../examples/org-standard/app/orders-app';
import * as kit from '../../src';
import { DeploymentStandard, NagPack } from '../../src';
import { complianceApp, describeFindings, PACKS, runCompliance } from '../compliance/harness';

const MATRIX_STANDARD = DeploymentStandard.REGULATED.extend({
  name: 'matrix',
  nagPacks: [NagPack.AWS_SOLUTIONS, NagPack.HIPAA_SECURITY, NagPack.NIST_800_53_R5, NagPack.PCI_DSS_321],
});

test('every example app passes the four cdk-nag packs, Control Tower, the built-in validator and the REGULATED ORG rules', () => {
  // GIVEN all example apps in one app under the standard
  const app = complianceApp();
  MATRIX_STANDARD.apply(app);
  buildExampleApp(app);
  buildOrdersStack(app);

  // WHEN: the standard registered every plugin; the harness adds none
  const result = runCompliance(app, { packs: [] });

  // THEN
  const counts = Object.fromEntries(Object.entries(result.countByPack).sort());
  console.log(`matrix findings per pack: ${JSON.stringify(counts)}; acknowledgements: ${result.acknowledged.length}`);
  expect(describeFindings(result.findings)).toBe('');
  for (const pack of PACKS) expect(result.findings.filter((f) => f.pack === pack)).toEqual([]);
  // Every plugin apply() registered ran and reports the acknowledged findings it saw, with their reasons
  // (the kit acknowledges cdk-nag rules as `Pack::Pack-Rule`, the form cdk-nag 3 records).
  const report = JSON.parse(fs.readFileSync(path.join(result.outdir, 'validation-report.json'), 'utf8'));
  const ran = report.pluginReports.filter((p: any) => (p.suppressedViolations ?? []).length > 0).map((p: any) => p.pluginName).sort();
  expect(ran).toEqual(['AwsSolutions', 'CloudFormation Validate', 'HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321', 'cdk-validator-cfnguard']);
  // Every acknowledgement is either the kit's own (inside a kit construct) or the example's network
  // (an ec2.Vpc, or the stack-level literal-AZ warning); anything else is a new ack to review.
  const owners = { kit: [] as string[], appNetwork: [] as string[] };
  for (const a of result.acknowledged) {
    const owner = ackOwner(app.node.findAll().find((c) => c.node.path === a.path)!, a.id);
    owners[owner].push(`${a.path} ${a.id}: ${a.reason}`);
  }
  owners.kit.sort();
  owners.appNetwork.sort();
  expect(owners).toMatchSnapshot();
});

/** Construct classes the kit exports: an acknowledgement inside one of them is the kit's. */
const KIT_CLASSES: Array<new (...args: any[]) => IConstruct> = (Object.values(kit) as unknown[]).filter(
  (v): v is new (...args: any[]) => IConstruct => typeof v === 'function' && v.prototype instanceof Construct);

function ackOwner(scope: IConstruct, id: string): 'kit' | 'appNetwork' {
  for (let c: IConstruct | undefined = scope; c; c = c.node.scope) {
    if (KIT_CLASSES.some((k) => c instanceof k) && !(c instanceof Stack)) return 'kit';
    if (c instanceof ec2.Vpc) return 'appNetwork';
  }
  if (scope instanceof Stack && id === 'CloudFormation-Validate::W3010') return 'appNetwork';
  throw new Error(`acknowledgement ${id} at ${scope.node.path} is neither inside a kit construct nor the example's network: review it`);
}
