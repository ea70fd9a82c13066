/** Port mappings of a task definition's containers, with their JSON pointers. */
import { TemplateResource } from '../model';
import { containerLabel, containers } from '../task/task-facts';
import { toArray, toObject } from '../values';

export interface PortMappingRef {
  readonly container: string;
  readonly pointer: string;
  readonly mapping: Record<string, unknown>;
}

export function portMappings(task: TemplateResource): PortMappingRef[] {
  const out: PortMappingRef[] = [];
  for (const { index, def } of containers(task)) {
    (toArray(def.PortMappings) ?? []).forEach((pm, j) => {
      const mapping = toObject(pm);
      if (mapping) {
        out.push({ container: containerLabel(def, index), pointer: `Properties/ContainerDefinitions/${index}/PortMappings/${j}`, mapping });
      }
    });
  }
  return out;
}
