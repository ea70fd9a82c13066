/** Reading a service's VpcLatticeConfigurations. */
import { TemplateResource } from '../model';
import { toArray, toObject } from '../values';

export const LATTICE_SOURCE = 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_VpcLatticeConfiguration.html';

export interface LatticeEntry {
  readonly pointer: string;
  readonly def: Record<string, unknown>;
}

/** The literal VPC Lattice configurations of a service (unresolved entries are skipped). */
export function latticeConfigurations(service: TemplateResource): LatticeEntry[] {
  const list = toArray(service.properties.VpcLatticeConfigurations) ?? [];
  const out: LatticeEntry[] = [];
  list.forEach((raw, i) => {
    const def = toObject(raw);
    if (def) out.push({ pointer: `Properties/VpcLatticeConfigurations/${i}`, def });
  });
  return out;
}
