import { CF01_PROPERTY_NAMES } from './cf-01-property-names';
import { ResourceRule } from '../rule';

/** Rules over the template's own shape (property names), in id order. */
export const TEMPLATE_RULES: readonly ResourceRule[] = [
  CF01_PROPERTY_NAMES,
];
