/** The example platform standard, shared by the standards tests. */
export { ACME_STANDARD, ACME_STANDARD_V2 } from '../../examples/org-standard/platform';
export { ORDERS_IMAGE as ORDERS_IMAGE_FOR_TESTS } from '../../examples/org-standard/app/orders-app';
