import * as fs from 'fs';
import { Template } from 'aws-cdk-lib/assertions';
import { buildExampleApp } from '../../examples/app';
import { EcsChecks } from '../../src';
import { complianceApp, describeFindings, PACKS, runCompliance } from '../compliance/harness';

describe('example app (npm run demo)', () => {
  test('synthesizes with zero findings in every pack, the built-in validator and the kit checks; each acknowledgement has a reason', () => {
    // GIVEN the example app: one cluster with Fargate and EC2 (mixed types, Spot), a repository and every service shape
    const app = complianceApp();
    buildExampleApp(app);

    // WHEN
    const result = runCompliance(app, { extraPlugins: [new EcsChecks()] });

    // THEN
    expect(describeFindings(result.findings)).toBe('');
    for (const pack of PACKS) expect(result.countByPack[pack]).toBe(0);
    for (const a of result.acknowledged) expect(a.reason.length).toBeGreaterThan(40);
    // docs/compliance.md names every rule the example app acknowledges (pack prefix and [resource] suffix aside).
    const doc = fs.readFileSync(`${__dirname}/../../docs/compliance.md`, 'utf8');
    const undocumented = [...new Set(result.acknowledged.map((ack) => ack.id.replace(/\[.*$/, '').replace(/^[A-Za-z0-9.]+-(?=[A-Z])/, '')))]
      .filter((rule) => !doc.includes(rule));
    expect(undocumented).toEqual([]);
    // The repository's grant policy carries exactly one acknowledgement, the documented GetAuthorizationToken one.
    expect(result.acknowledged.filter((a) => a.path.includes('/EcrImagesPolicy')).map((a) => `${a.path} ${a.id}`))
      .toEqual(['EcsKitServices/WebTask/ExecutionRole/EcrImagesPolicy AwsSolutions-IAM5[Resource::*]']);

    // One service on each kind of capacity.
    const services = Template.fromJSON(JSON.parse(fs.readFileSync(`${result.outdir}/EcsKitServices.template.json`, 'utf8')));
    const strategies = Object.values(services.findResources('AWS::ECS::Service'))
      .map((s: any) => (s.Properties.CapacityProviderStrategy ?? []).map((c: any) => (typeof c.CapacityProvider === 'string' ? c.CapacityProvider : 'EC2')).join('+'));
    expect(strategies).toEqual(expect.arrayContaining(['FARGATE+FARGATE_SPOT', 'EC2']));
    expect(Object.keys(services.findResources('AWS::ECS::Cluster'))).toHaveLength(1);
  });
});
