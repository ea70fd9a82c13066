/** ECS-SC-03 / ECS-SC-04: suggested names are valid themselves, or not given. */
import * as fc from 'fast-check';
import { discoveryNameProblem, SC03_DISCOVERY_NAME as sc03, suggestDiscoveryName } from '../../../src/rules/service/sc-03-discovery-name';
import { dnsNameProblem, SC04_CLIENT_ALIAS as sc04, suggestDnsName } from '../../../src/rules/service/sc-04-client-alias';
import { check } from '../helpers';
import { service } from './fixtures';

const sc = (svc: Record<string, unknown>) => service({ ServiceConnectConfiguration: { Enabled: true, Namespace: 'ns', Services: [{ PortName: 'http', ...svc }] } });

describe('ECS-SC-04 dnsName suggestion', () => {
  test('bad: a trailing separator is trimmed from the suggestion', () => {
    const [f] = check(sc04, { S: sc({ ClientAliases: [{ DnsName: 'Pricing_Svc!', Port: 80 }] }) });
    expect(f.message).toBe('[ECS-SC-04] Service Connect client alias DnsName "Pricing_Svc!" contains "P", "S", "!" at TestStack/S; '
      + 'allowed: up to 127 lowercase letters, digits, underscores (_), hyphens (-) and periods (.), not starting with a hyphen. Use "pricing_svc" as the alias.');
  });

  test('bad: nothing valid remains, so no name is suggested', () => {
    const [f] = check(sc04, { S: sc({ ClientAliases: [{ DnsName: '!!!', Port: 80 }] }) });
    expect(f.message).toMatch(/ Use a lowercase DNS-style alias such as "orders\.internal"\.$/);
  });

  test('suggestions', () => {
    expect(suggestDnsName('Pricing_Svc!')).toBe('pricing_svc');
    expect(suggestDnsName('-Orders.API.')).toBe('orders.api');
    expect(suggestDnsName('!Orders Internal!')).toBe('orders-internal');
    expect(suggestDnsName(`${'a'.repeat(126)}!b`)).toBe('a'.repeat(126));
    expect(suggestDnsName('!!!')).toBeUndefined();
    expect(suggestDnsName('-.-')).toBeUndefined();
  });

  test('property: a suggestion is always a valid dnsName', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (name) => {
      const s = suggestDnsName(name);
      return s === undefined || (dnsNameProblem(s) === undefined && !/^[-.]|[-.]$/.test(s));
    }));
  });
});

describe('ECS-SC-03 discoveryName suggestion', () => {
  test('bad: a trailing separator is trimmed from the suggestion', () => {
    const [f] = check(sc03, { S: sc({ DiscoveryName: 'Pricing_Svc!' }) });
    expect(f.message).toBe('[ECS-SC-03] Service Connect DiscoveryName "Pricing_Svc!" contains "P", "S", "!" at TestStack/S; '
      + 'allowed: up to 64 lowercase letters, digits, underscores (_) and hyphens (-), not starting with a hyphen. Use "pricing_svc" as the discovery name.');
  });

  test('bad: nothing valid remains, so no name is suggested', () => {
    const [f] = check(sc03, { S: sc({ DiscoveryName: '...' }) });
    expect(f.message).toMatch(/ Use a short lowercase discoveryName such as "api" or "orders_db"\.$/);
  });

  test('suggestions', () => {
    expect(suggestDiscoveryName('Pricing_Svc!')).toBe('pricing_svc');
    expect(suggestDiscoveryName('Orders.API')).toBe('orders-api');
    expect(suggestDiscoveryName(`${'a'.repeat(63)}!b`)).toBe('a'.repeat(63));
    expect(suggestDiscoveryName('-!-')).toBeUndefined();
  });

  test('property: a suggestion is always a valid discoveryName', () => {
    fc.assert(fc.property(fc.string({ maxLength: 100 }), (name) => {
      const s = suggestDiscoveryName(name);
      return s === undefined || (discoveryNameProblem(s) === undefined && !/^-|-$/.test(s));
    }));
  });
});
