/** RequiresCompatibilities as literal names; undefined when unresolved. */
import { TemplateResource } from '../model';
import { toArray, toStr } from '../values';

export function compatibilities(task: TemplateResource): string[] | undefined {
  const raw = task.properties.RequiresCompatibilities;
  if (raw === undefined) return [];
  const list = toArray(raw);
  if (!list) return undefined;
  const names: string[] = [];
  for (const item of list) {
    const name = toStr(item);
    if (name === undefined) return undefined;
    names.push(name);
  }
  return names;
}
