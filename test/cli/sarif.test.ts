import * as path from 'path';
import { toUri } from '../../src/cli/sarif';

describe('SARIF artifact URIs', () => {
  const cwd = path.resolve('/repo');

  test('a file under the working directory is a relative URI, as code scanning maps it to the checkout', () => {
    expect(toUri('cdk.out/Api.template.json', cwd)).toBe('cdk.out/Api.template.json');
    expect(toUri('/repo/templates/api.yaml', cwd)).toBe('templates/api.yaml');
  });

  test('a file outside it is an absolute file: URI, not a bare path', () => {
    expect(toUri('/elsewhere/api.yaml', cwd)).toBe('file:///elsewhere/api.yaml');
    expect(toUri('../shared/my template.yaml', cwd)).toBe('file:///shared/my%20template.yaml');
  });
});
