import type { INestApplication } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { OperationContract } from '@mailgate/contracts';
import { OPERATION_METADATA } from '../common/http/contract-route.decorator.js';

export interface RouteEntry {
  operation: OperationContract;
  controller: string;
  handler: string;
}

/**
 * Every contract operation the running application serves, found from the controllers
 * themselves. The OpenAPI document and the role × endpoint test are generated from this list, so
 * a new endpoint cannot be left out of either.
 */
export function collectRouteTable(app: INestApplication): RouteEntry[] {
  const discovery = app.get(DiscoveryService);
  const reflector = app.get(Reflector);
  const scanner = new MetadataScanner();
  const entries: RouteEntry[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as Record<string, unknown> | undefined;
    if (!instance) continue;
    const prototype = Object.getPrototypeOf(instance) as object;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = (prototype as Record<string, unknown>)[name];
      if (typeof handler !== 'function') continue;
      const operation = reflector.get<OperationContract | undefined>(OPERATION_METADATA, handler as () => unknown);
      if (operation) entries.push({ operation, controller: wrapper.name, handler: name });
    }
  }
  return entries;
}
