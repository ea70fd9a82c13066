import { ResourceRule } from '../rule';
import { PM01_HOST_PORT_MATCHES } from './pm-01-host-port-matches';
import { PM02_NONE_NO_PORTS } from './pm-02-none-no-ports';
import { PM04_PORT_RANGE } from './pm-04-port-range';
import { PM05_CONTAINER_PORT_RANGE } from './pm-05-container-port-range';
import { PM06_PORT_NAME } from './pm-06-port-name';
import { PM07_UNIQUE_PORT_NAMES } from './pm-07-unique-port-names';
import { PM08_PORT_NAME_NETWORK_MODE } from './pm-08-port-name-network-mode';
import { PM09_WINDOWS_EC2_NETWORK_MODE } from './pm-09-windows-ec2-network-mode';
import { PM10_DYNAMIC_PORT_HEALTH_CHECK } from './pm-10-dynamic-port-health-check';
import { PM11_UNIQUE_PORTS } from './pm-11-unique-ports';
import { PM12_WINDOWS_HOST_PORT_80 } from './pm-12-windows-host-port-80';

/** Port mapping and network mode rules, in id order. */
export const NETWORK_RULES: readonly ResourceRule[] = [
  PM01_HOST_PORT_MATCHES,
  PM02_NONE_NO_PORTS,
  PM04_PORT_RANGE,
  PM05_CONTAINER_PORT_RANGE,
  PM06_PORT_NAME,
  PM07_UNIQUE_PORT_NAMES,
  PM08_PORT_NAME_NETWORK_MODE,
  PM09_WINDOWS_EC2_NETWORK_MODE,
  PM10_DYNAMIC_PORT_HEALTH_CHECK,
  PM11_UNIQUE_PORTS,
  PM12_WINDOWS_HOST_PORT_80,
];
