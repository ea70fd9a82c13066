/** RequiresCompatibilities as literal names; undefined when unresolved. */
import { TemplateResource } from '../model';
import { toArray, toStr } from '../values';

export function compatibilities(task: TemplateResource): string[] | undefined {
  const raw = task.properties.RequiresCompatibilities;
  if (raw === undefined) return [];
  const list = toArray(raw);
  if (!list) return undefined;
  const names = list.map(toStr);
  return names.some((n) => n === undefined) ? undefined : (names as string[]);
}
