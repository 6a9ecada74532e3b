import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Document, Page, renderToBuffer, Text, View, type Styles } from '@react-pdf/renderer';
import type { Bytes } from './byte-cache';
import { fontFamily, fontsReady, printable } from './fonts';

type Style = Styles[string];

/**
 * A report as printed: its title, what it covers (range, currency) and when it was made, then
 * the table its CSV holds — the same rows, so the PDF and the CSV of one page never disagree.
 */
export type ReportPdfModel = {
  title: string;
  subtitle: string;
  generatedAt: string;
  seller: string;
  /** Header row first, as the CSV export writes it (API field names). */
  table: string[][];
};

const ink = '#1a1a1a';
const muted = '#5f6368';
const rule = '#d9d9d9';

// Figures (amounts, counts, rates, "12.5%") line up on the right, as in the console's tables.
const figure = /^-?[\d.,]+%?$/;

/** A CSV header ("days_1_30", "customer_name") as a column title ("Days 1 30" reads worse than "1–30"). */
export function columnTitle(field: string): string {
  const days = /^days_(\d+)_(\d+)$/.exec(field);
  if (days) return `${days[1]}–${days[2]} days`;
  if (field === 'days_over_90') return 'Over 90 days';
  const words = field.replace(/_id$/, ' ID').replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function ReportDocument({ model }: { model: ReportPdfModel }) {
  const [header = [], ...rows] = model.table;
  const width = `${(100 / Math.max(header.length, 1)).toFixed(3)}%`;
  const alignments = header.map((_, column) =>
    rows.length > 0 && rows.every((row) => figure.test(row[column] ?? '') || row[column] === '') ? 'right' : 'left',
  );
  const cell = (column: number): Style => ({ width, paddingHorizontal: 3, textAlign: alignments[column] });
  return (
    <Document title={`${model.title} — ${model.subtitle}`} author={model.seller} creator="Cashdesk" producer="Cashdesk">
      <Page
        size="A4"
        orientation="landscape"
        style={{ fontFamily, fontSize: 8, color: ink, padding: 28 }}
        layout={({ children, pageNumber, totalPages }) => (
          <>
            <View style={{ flexGrow: 1 }}>{children}</View>
            <Text style={{ textAlign: 'center', fontSize: 7, color: muted, marginTop: 8 }}>{`${model.title} · Page ${pageNumber} of ${totalPages}`}</Text>
          </>
        )}
      >
        <Text style={{ fontSize: 16, fontWeight: 700 }}>{printable(model.title)}</Text>
        <Text style={{ marginTop: 2 }}>{printable(model.subtitle)}</Text>
        <Text style={{ marginTop: 2, marginBottom: 12, color: muted }}>
          {printable([model.seller, `made ${model.generatedAt}`].filter(Boolean).join(' · '))}
        </Text>
        <View fixed style={{ flexDirection: 'row', backgroundColor: '#f1f3f4', paddingVertical: 3, fontWeight: 700 }}>
          {header.map((field, column) => (
            <Text key={field} style={cell(column)}>
              {columnTitle(field)}
            </Text>
          ))}
        </View>
        {rows.length === 0 ? <Text style={{ paddingVertical: 6, color: muted }}>Nothing in this range.</Text> : null}
        {rows.map((row, index) => (
          <View key={index} wrap={false} style={{ flexDirection: 'row', paddingVertical: 2.5, borderBottomWidth: 0.5, borderBottomColor: rule }}>
            {row.map((value, column) => (
              <Text key={column} style={cell(column)}>
                {printable(value)}
              </Text>
            ))}
          </View>
        ))}
      </Page>
    </Document>
  );
}

export async function renderReportPdf(model: ReportPdfModel): Promise<Bytes> {
  await fontsReady();
  const bytes = new Uint8Array(await renderToBuffer(<ReportDocument model={model} />));
  // As for invoices (render.tsx): let React free the rendered tree before the next render.
  await yieldToEventLoop();
  return bytes;
}
