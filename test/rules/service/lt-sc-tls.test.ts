import { service } from './fixtures';
import { LT01_LATTICE_FIELDS as lt01 } from '../../../src/rules/service/lt-01-lattice-fields';
import { LT02_LATTICE_PORT_NAME as lt02 } from '../../../src/rules/service/lt-02-lattice-port-name';
import { LT03_LATTICE_TARGET_GROUPS as lt03 } from '../../../src/rules/service/lt-03-lattice-target-groups';
import { SC10_TLS_AUTHORITY_REQUIRED as sc10 } from '../../../src/rules/service/sc-10-tls-authority-required';
import { SC11_TLS_ROLE_AND_KEY as sc11 } from '../../../src/rules/service/sc-11-tls-role-and-key';
import { SC12_ACCESS_LOG_FORMAT as sc12 } from '../../../src/rules/service/sc-12-access-log-format';
import { check, fargateTask } from '../helpers';
import { TOKEN } from '../task/fixtures';

const ROLE = 'arn:aws:iam::111111111111:role/infra';
const TG = 'arn:aws:vpc-lattice:eu-west-1:111111111111:targetgroup/tg-0123456789abcdef0';
const lattice = (entries: unknown[]) => service({ VpcLatticeConfigurations: entries });
const entry = (props: Record<string, unknown> = {}) => ({ RoleArn: ROLE, TargetGroupArn: TG, PortName: 'http', ...props });

describe('ECS-LT-01 lattice fields', () => {
  test('bad: missing PortName; ELB target group ARN', () => {
    expect(check(lt01, { S: lattice([entry({ PortName: undefined })]) })[0].message).toContain('has no PortName');
    const elb = 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/web/0123456789abcdef';
    expect(check(lt01, { S: lattice([entry({ TargetGroupArn: elb })]) })[0].ruleId).toBe('ECS-LT-01');
  });
  test('good', () => expect(check(lt01, { S: lattice([entry()]) })).toEqual([]));
  test('token: GetAtt ARNs skipped', () => {
    expect(check(lt01, { S: lattice([entry({ RoleArn: { 'Fn::GetAtt': ['R', 'Arn'] }, TargetGroupArn: { 'Fn::GetAtt': ['T', 'Arn'] } })]) })).toEqual([]);
  });
});

describe('ECS-LT-02 lattice port name', () => {
  const task = fargateTask({ ContainerDefinitions: [{ Name: 'app', Image: 'i', PortMappings: [{ ContainerPort: 8080, Name: 'http' }] }] });
  test('bad: port name not in the task definition', () => {
    expect(check(lt02, { Task: task, S: lattice([entry({ PortName: 'api' })]) })[0].message).toContain("PortName 'api' is not a port mapping name");
  });
  test('good', () => expect(check(lt02, { Task: task, S: lattice([entry()]) })).toEqual([]));
  test('token: unresolved port mapping name skipped', () => {
    const tokenTask = fargateTask({ ContainerDefinitions: [{ Name: 'app', Image: 'i', PortMappings: [{ ContainerPort: 8080, Name: TOKEN }] }] });
    expect(check(lt02, { Task: tokenTask, S: lattice([entry({ PortName: 'api' })]) })).toEqual([]);
  });
});

describe('ECS-LT-03 lattice target groups', () => {
  test('bad: six entries; a duplicate', () => {
    const six = Array.from({ length: 6 }, (_, i) => entry({ TargetGroupArn: `${TG.slice(0, -1)}${i}` }));
    expect(check(lt03, { S: lattice(six) })[0].ruleId).toBe('ECS-LT-03');
    expect(check(lt03, { S: lattice([entry(), entry()]) })[0].message).toContain('listed twice');
  });
  test('good: five distinct', () => expect(check(lt03, { S: lattice(Array.from({ length: 5 }, (_, i) => entry({ TargetGroupArn: `${TG.slice(0, -1)}${i}` }))) })).toEqual([]));
  test('token: Ref target groups are not compared', () => expect(check(lt03, { S: lattice([entry({ TargetGroupArn: { Ref: 'T' } }), entry({ TargetGroupArn: { Ref: 'T' } })]) })).toEqual([]));
});

const sc = (svc: Record<string, unknown>, cfg: Record<string, unknown> = {}) =>
  service({ ServiceConnectConfiguration: { Enabled: true, Namespace: 'n', Services: [{ PortName: 'http', ...svc }], ...cfg } });
const PCA = 'arn:aws:acm-pca:eu-west-1:111111111111:certificate-authority/11111111-2222-3333-4444-555555555555';

describe('ECS-SC-10 TLS authority required', () => {
  test('bad: empty authority (aws-cdk-lib without awsPcaAuthorityArn); no authority', () => {
    expect(check(sc10, { S: sc({ Tls: { IssuerCertificateAuthority: {}, RoleArn: ROLE } }) })[0].ruleId).toBe('ECS-SC-10');
    expect(check(sc10, { S: sc({ Tls: { RoleArn: ROLE } }) })).toHaveLength(1);
  });
  test('good', () => expect(check(sc10, { S: sc({ Tls: { IssuerCertificateAuthority: { AwsPcaAuthorityArn: PCA } } }) })).toEqual([]));
  test('token: Ref authority skipped', () => expect(check(sc10, { S: sc({ Tls: { IssuerCertificateAuthority: { AwsPcaAuthorityArn: { Ref: 'Ca' } } } }) })).toEqual([]));
});

describe('ECS-SC-11 TLS role and key', () => {
  test('bad: role name; key description', () => {
    expect(check(sc11, { S: sc({ Tls: { IssuerCertificateAuthority: { AwsPcaAuthorityArn: PCA }, RoleArn: 'infra' } }) })[0].ruleId).toBe('ECS-SC-11');
    expect(check(sc11, { S: sc({ Tls: { IssuerCertificateAuthority: { AwsPcaAuthorityArn: PCA }, KmsKey: 'my key' } }) })).toHaveLength(1);
  });
  test('good: role ARN, key ARN, alias', () => {
    expect(check(sc11, { S: sc({ Tls: { RoleArn: ROLE, KmsKey: 'arn:aws:kms:eu-west-1:111111111111:key/11111111-2222-3333-4444-555555555555' } }) })).toEqual([]);
    expect(check(sc11, { S: sc({ Tls: { KmsKey: 'alias/sc' } }) })).toEqual([]);
  });
  test('token: GetAtt skipped', () => expect(check(sc11, { S: sc({ Tls: { RoleArn: { 'Fn::GetAtt': ['R', 'Arn'] }, KmsKey: TOKEN } }) })).toEqual([]));
});

describe('ECS-SC-12 access log format', () => {
  const logs = { LogConfiguration: { LogDriver: 'awslogs' } };
  test('bad: no format; CSV; query "true"', () => {
    expect(check(sc12, { S: sc({}, { ...logs, AccessLogConfiguration: {} }) })[0].message).toContain('has no Format');
    expect(check(sc12, { S: sc({}, { ...logs, AccessLogConfiguration: { Format: 'CSV' } }) })).toHaveLength(1);
    expect(check(sc12, { S: sc({}, { ...logs, AccessLogConfiguration: { Format: 'JSON', IncludeQueryParameters: 'true' } }) })).toHaveLength(1);
  });
  test('good', () => expect(check(sc12, { S: sc({}, { ...logs, AccessLogConfiguration: { Format: 'JSON', IncludeQueryParameters: 'DISABLED' } }) })).toEqual([]));
  test('token: skipped', () => expect(check(sc12, { S: sc({}, { ...logs, AccessLogConfiguration: { Format: TOKEN } }) })).toEqual([]));
});
