import { CF01_PROPERTY_NAMES } from './cf-01-property-names';
import { CF02_ENUM_VALUES } from './cf-02-enum-values';
import { ResourceRule } from '../rule';

/** Rules over the template's own shape (property names, enum values), in id order. */
export const TEMPLATE_RULES: readonly ResourceRule[] = [
  CF01_PROPERTY_NAMES,
  CF02_ENUM_VALUES,
];
