import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Document, Page, renderToBuffer, Text, View, type Styles } from '@react-pdf/renderer';
import type { CollectionReceipt } from '../services/collect/receipt';
import type { Bytes } from './byte-cache';
import { fontFamily, fontsReady, printable } from './fonts';
import { PublicLink } from './invoice-document';
import { layoutFor } from './layout';
import { loadDocumentWords } from './load';
import { parsePaper } from './paper';
import { receiptRows } from './receipt-rows';
import type { DocumentWords } from './words';

const muted = '#5f6368';
const rule = '#d9d9d9';

// A collector's printer is a pocket thermal printer: the 80 mm roll, cut where the receipt ends.
const roll = parsePaper('receipt-80')!;

function ReceiptDocument({ receipt, w }: { receipt: CollectionReceipt; w: DocumentWords }) {
  const layout = layoutFor(roll);
  const section: Styles[string] = { marginTop: layout.fontSize * 0.8, paddingTop: layout.fontSize * 0.8, borderTopWidth: 0.5, borderTopColor: rule };
  const rows = receiptRows(receipt, w).map(([label, value]): [string, string] => [label, printable(value)]);
  return (
    <Document
      title={`${w.common('document.receipt')} ${printable(receipt.receiptNumber)}`}
      author={printable(receipt.company.name)}
      creator="Cashdesk"
      producer="Cashdesk"
    >
      <Page size={{ width: roll.widthPt }} style={{ fontFamily, fontSize: layout.fontSize, padding: layout.margin, color: '#1a1a1a' }}>
        <View style={{ alignItems: 'center', textAlign: 'center' }}>
          {receipt.company.name ? <Text style={{ fontWeight: 700, fontSize: layout.fontSize * 1.15 }}>{printable(receipt.company.name)}</Text> : null}
          {receipt.company.lines.length > 0 ? <Text style={{ color: muted }}>{receipt.company.lines.map(printable).join('\n')}</Text> : null}
        </View>
        <View style={{ ...section, alignItems: 'center' }}>
          <Text style={{ fontSize: layout.titleSize, fontWeight: 700 }}>{w.t('receipt.title')}</Text>
        </View>
        <View style={{ marginTop: layout.fontSize * 0.5, flexDirection: 'row', justifyContent: 'space-between' }}>
          <Text style={{ color: muted, marginRight: 8 }}>{rows.map(([label]) => label).join('\n')}</Text>
          <Text style={{ textAlign: 'right', flexShrink: 1 }}>{rows.map(([, value]) => value).join('\n')}</Text>
        </View>
        <View style={{ ...section, alignItems: 'center' }}>
          <Text style={{ color: muted, marginBottom: layout.fontSize * 0.4, textAlign: 'center' }}>{w.t('receipt.scan')}</Text>
          <PublicLink url={receipt.publicUrl} layout={layout} width={layout.contentWidth} />
        </View>
      </Page>
    </Document>
  );
}

/** The 80 mm receipt of one cash collection, with the invoice's public link as a QR code, in the customer's language. */
export async function renderReceiptPdf(receipt: CollectionReceipt): Promise<{ bytes: Bytes; filename: string }> {
  const [, w] = await Promise.all([fontsReady(), loadDocumentWords(receipt.locale)]);
  const bytes = new Uint8Array(await renderToBuffer(<ReceiptDocument receipt={receipt} w={w} />));
  await yieldToEventLoop();
  const safe = receipt.receiptNumber.replace(/[^\w.-]+/g, '-');
  return { bytes, filename: `receipt-${safe}.pdf` };
}
