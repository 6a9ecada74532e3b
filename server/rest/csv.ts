import { stringify } from 'csv-stringify/sync';

export function csvResponse(rows: string[][], filename: string): Response {
  return new Response(stringify(rows), {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` },
  });
}

/** PostgreSQL numeric text ("1.500") as the API writes decimals ("1.5"). */
export const decimalText = (value: string) => (value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value);
