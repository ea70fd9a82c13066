/**
 * TaskContainerOptions re-declares aws-cdk-lib's ContainerDefinitionOptions so
 * API.md shows the kit's defaults (issue 13, item 7). These checks fail when
 * aws-cdk-lib adds, drops or retypes an option, so the copy stays complete.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { TaskContainerOptions } from '../../src';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// Type-checked by `npm test` (typecheck step): same keys and same types as aws-cdk-lib's.
const sameKeys: Same<keyof ecs.ContainerDefinitionOptions, Exclude<keyof TaskContainerOptions, 'scratchPaths'>> = true;
const sameTypes: Same<Required<Omit<TaskContainerOptions, 'scratchPaths'>>, Required<ecs.ContainerDefinitionOptions>> = true;

function members(file: string, iface: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const start = text.indexOf(`export interface ${iface}`);
  const body = text.slice(start, text.indexOf('\n}', start));
  return [...body.matchAll(/^\s+readonly (\w+)\??:/gm)].map((m) => m[1]).sort();
}

test('TaskContainerOptions has every aws-cdk-lib container option (plus scratchPaths)', () => {
  expect(sameKeys && sameTypes).toBe(true);
  const cdk = members(path.join(path.dirname(require.resolve('aws-cdk-lib/package.json')), 'aws-ecs/lib/container-definition.d.ts'), 'ContainerDefinitionOptions');
  const kit = members(path.join(__dirname, '../../src/task/base/container-options.ts'), 'TaskContainerOptions');
  expect(kit).toEqual([...cdk, 'scratchPaths'].sort());
});

test('the options whose defaults the kit changes say so in their docs (what API.md shows)', () => {
  const text = fs.readFileSync(path.join(__dirname, '../../src/task/base/container-options.ts'), 'utf8');
  for (const name of ['logging', 'readonlyRootFilesystem', 'user', 'memoryLimitMiB']) {
    const doc = text.slice(0, text.indexOf(`readonly ${name}?:`));
    expect(doc.slice(doc.lastIndexOf('/**'))).toMatch(/@default - kit: /);
  }
});
