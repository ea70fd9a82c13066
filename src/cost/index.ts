export * from './estimate';
export * from './price-table';
export { BUNDLED_PRICES } from './price-data';
export { formatCostJson, formatCostText } from './report';
