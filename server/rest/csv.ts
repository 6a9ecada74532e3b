import { stringify } from 'csv-stringify/sync';

export function csvResponse(rows: string[][], filename: string): Response {
  return new Response(stringify(rows), {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` },
  });
}
