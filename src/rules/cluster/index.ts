import { ResourceRule } from '../rule';
import { EX03_EXEC_LOGGING } from './ex-03-exec-logging';
import { SV30_CLUSTER_NAME } from './sv-30-cluster-name';

/** Cluster rules, in id order. */
export const CLUSTER_RULES: readonly ResourceRule[] = [
  SV30_CLUSTER_NAME,
  EX03_EXEC_LOGGING,
];
