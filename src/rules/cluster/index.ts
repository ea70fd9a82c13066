import { ResourceRule } from '../rule';
import { SV30_CLUSTER_NAME } from './sv-30-cluster-name';

/** Cluster rules, in id order. */
export const CLUSTER_RULES: readonly ResourceRule[] = [
  SV30_CLUSTER_NAME,
];
