import { describe, expect, it } from 'vitest';
import { GET as health } from '@/app/api/health/route';
import { GET as openapi } from '@/app/api/v1/openapi.json/route';
import { withTestDatabase } from '../support/database';

withTestDatabase();

describe('public endpoints', () => {
  it('reports health with the database reachable', async () => {
    const response = await health();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', db: 'ok' });
  });

  it('describes the customer operations in OpenAPI 3.1 from the zod schemas', async () => {
    const doc = await openapi().json();
    expect(doc.openapi).toBe('3.1.0');
    const create = doc.paths['/api/v1/customers'].post;
    expect(create.responses['201']).toBeDefined();
    const body = create.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(expect.arrayContaining(['name', 'email']));
    expect(body.properties.billing_address.properties.country).toBeDefined();
    expect(create.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key', in: 'header' })]));
    const list = doc.paths['/api/v1/customers'].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['limit', 'cursor', 'q']));
    expect(doc.paths['/api/v1/customers/{id}'].get.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true });
  });
});
