import { Canvas, Document, Image, Page, Text, View, type Styles } from '@react-pdf/renderer';
import { formatMoney } from '../billing/currency';
import { charWidth, fontFamily, printable } from './fonts';
import { breakToWidth, layoutFor, type Layout } from './layout';
import {
  awaitsPayment,
  documentHeading,
  documentTitle,
  formatDay,
  formatPeriod,
  lineAmount,
  paymentInstructions,
  stampFor,
  taxBreakdown,
  type DocumentLine,
  type InvoiceDocumentModel,
  type Stamp,
} from './model';
import type { Paper } from './paper';
import { qrPath } from './qr';

type Style = Styles[string];

const ink = '#1a1a1a';
const muted = '#5f6368';
const rule = '#d9d9d9';
const stampColours: Record<Stamp['tone'], string> = { good: '#1e7b34', bad: '#b3261e', neutral: '#6b6b6b' };

// Each <Text> has a fixed cost in react-pdf (a good part of a millisecond) whatever it holds, so
// lines in one style are one Text with newlines (bold runs as nested spans), not a Text each.

type Props = { doc: InvoiceDocumentModel; paper: Paper };

/** One template for every document kind; the paper decides between a sheet and a receipt. */
export function InvoiceDocument({ doc, paper }: Props) {
  const layout = layoutFor(paper);
  const title = documentTitle(doc);
  const label = doc.number ?? 'Draft';
  const page: Style = { fontFamily, fontSize: layout.fontSize, color: ink, padding: layout.margin };
  const pageNumbers: Style = { textAlign: 'center', fontSize: layout.smallSize, color: muted, marginTop: layout.fontSize };
  return (
    <Document title={documentHeading(title, doc.number)} author={doc.seller.name} creator="Cashdesk" producer="Cashdesk">
      {paper.heightPt === null ? (
        // A roll is cut where the content ends: one page, as tall as the document.
        <Page size={{ width: paper.widthPt }} style={page}>
          <ReceiptBody doc={doc} layout={layout} title={title} />
          <Text style={pageNumbers}>{`${label} · Page 1 of 1`}</Text>
        </Page>
      ) : (
        // Page numbers as a page `layout` rather than a fixed render-prop Text, which re-lays out
        // every page and doubles a long invoice's time. `layout` opts into react-pdf's newer
        // pagination engine (still called experimental in 4.9, hence the exact pin).
        <Page
          size={{ width: paper.widthPt, height: paper.heightPt }}
          style={page}
          layout={({ children, pageNumber, totalPages }) => (
            <>
              <View style={{ flexGrow: 1 }}>{children}</View>
              <Text style={pageNumbers}>{`${label} · Page ${pageNumber} of ${totalPages}`}</Text>
            </>
          )}
        >
          {layout.variant === 'sheet' ? <SheetBody doc={doc} layout={layout} title={title} /> : <ReceiptBody doc={doc} layout={layout} title={title} />}
        </Page>
      )}
    </Document>
  );
}

type BodyProps = { doc: InvoiceDocumentModel; layout: Layout; title: string };

const money = (doc: InvoiceDocumentModel, amount: bigint) => printable(formatMoney(amount, doc.currency));

function SheetBody({ doc, layout, title }: BodyProps) {
  const stamp = stampFor(doc);
  const column = (width: string, align: 'left' | 'right' = 'right'): Style => ({ width, textAlign: align, paddingHorizontal: 3 });
  // The code column only when some line has a code; it takes its room from the description.
  const coded = doc.lines.some((line) => line.code);
  const columns = {
    description: column(coded ? '31%' : '42%', 'left'),
    code: column('11%', 'left'),
    quantity: column('9%'),
    unitPrice: column('18%'),
    taxRate: column('12%'),
    amount: column('19%'),
  };
  return (
    <View>
      <View style={{ flexDirection: 'row', justifyContent: 'space-between', marginBottom: layout.fontSize * 2 }}>
        <View style={{ width: '50%' }}>
          <SellerBlock doc={doc} layout={layout} />
        </View>
        <View style={{ width: '45%', alignItems: 'flex-end' }}>
          <Text style={{ fontSize: layout.titleSize, fontWeight: 700, marginBottom: layout.fontSize * 0.3 }}>{title}</Text>
          {doc.orderName ? <Text style={{ textAlign: 'right', marginBottom: layout.fontSize * 0.3 }}>{doc.orderName}</Text> : null}
          <MetaRows doc={doc} align="right" />
          {stamp ? <StampMark stamp={stamp} layout={layout} tilted /> : null}
        </View>
      </View>

      <View style={{ width: '50%', marginBottom: layout.fontSize * 1.5 }}>
        <CustomerBlock doc={doc} />
      </View>

      <View style={{ flexDirection: 'row', backgroundColor: '#f1f3f4', paddingVertical: 3, fontWeight: 700 }}>
        <Text style={columns.description}>Description</Text>
        {coded ? <Text style={columns.code}>Code</Text> : null}
        <Text style={columns.quantity}>Qty</Text>
        <Text style={columns.unitPrice}>Unit price</Text>
        <Text style={columns.taxRate}>{doc.taxLabel}</Text>
        <Text style={columns.amount}>{doc.taxMode === 'inclusive' ? 'Amount incl. tax' : 'Amount'}</Text>
      </View>
      {doc.lines.map((line, index) => (
        <View key={index} wrap={false} style={{ flexDirection: 'row', paddingVertical: 3, borderBottomWidth: 0.5, borderBottomColor: rule }}>
          <LineDescription line={line} style={columns.description} />
          {coded ? <Text style={columns.code}>{line.code ?? ''}</Text> : null}
          <Text style={columns.quantity}>{line.quantity}</Text>
          <Text style={columns.unitPrice}>{money(doc, line.unitPrice)}</Text>
          <Text style={columns.taxRate}>{`${line.taxRate}%`}</Text>
          <Text style={columns.amount}>{money(doc, lineAmount(line, doc.taxMode))}</Text>
        </View>
      ))}

      <View wrap={false} style={{ flexDirection: 'row', justifyContent: 'flex-end', marginTop: layout.fontSize }}>
        <View style={{ width: '50%' }}>
          <Totals doc={doc} layout={layout} />
        </View>
      </View>

      <Sources doc={doc} layout={layout} />

      <View wrap={false} style={{ flexDirection: 'row', justifyContent: 'space-between', marginTop: layout.fontSize * 2 }}>
        <View style={{ width: '58%' }}>
          <Instructions doc={doc} />
        </View>
        <View style={{ width: '38%', alignItems: 'center' }}>
          <PublicLink url={doc.publicUrl} layout={layout} width={layout.contentWidth * 0.38} />
        </View>
      </View>
    </View>
  );
}

function ReceiptBody({ doc, layout, title }: BodyProps) {
  const stamp = stampFor(doc);
  const section: Style = { marginTop: layout.fontSize * 0.8, paddingTop: layout.fontSize * 0.8, borderTopWidth: 0.5, borderTopColor: rule };
  return (
    <View>
      <SellerBlock doc={doc} layout={layout} centred />
      <View style={{ ...section, alignItems: 'center' }}>
        <Text style={{ fontSize: layout.titleSize, fontWeight: 700 }}>{title}</Text>
        {doc.orderName ? <Text style={{ textAlign: 'center' }}>{doc.orderName}</Text> : null}
        {stamp ? <StampMark stamp={stamp} layout={layout} /> : null}
      </View>
      <View style={{ marginTop: layout.fontSize * 0.5 }}>
        <MetaRows doc={doc} align="justify" />
      </View>
      <View style={section}>
        <CustomerBlock doc={doc} />
      </View>
      <View style={section}>
        {doc.lines.map((line, index) => (
          <View key={index} wrap={false} style={{ marginBottom: layout.fontSize * 0.4 }}>
            <LineDescription line={line} />
            <View style={{ flexDirection: 'row', justifyContent: 'space-between' }}>
              <Text style={{ color: muted }}>
                {`${line.code ? `Code ${line.code} · ` : ''}${line.quantity} × ${money(doc, line.unitPrice)} · ${doc.taxLabel} ${line.taxRate}%`}
              </Text>
              <Text>{money(doc, lineAmount(line, doc.taxMode))}</Text>
            </View>
          </View>
        ))}
      </View>
      <View style={section}>
        <Totals doc={doc} layout={layout} />
      </View>
      <Sources doc={doc} layout={layout} />
      <View style={section}>
        <Instructions doc={doc} />
      </View>
      <View style={{ ...section, alignItems: 'center' }}>
        <PublicLink url={doc.publicUrl} layout={layout} width={layout.contentWidth} />
      </View>
    </View>
  );
}

function SellerBlock({ doc, layout, centred = false }: { doc: InvoiceDocumentModel; layout: Layout; centred?: boolean }) {
  const { seller } = doc;
  const details = [...seller.lines, ...(seller.taxId ? [`Tax ID: ${seller.taxId}`] : [])];
  return (
    <View style={{ alignItems: centred ? 'center' : 'flex-start', textAlign: centred ? 'center' : 'left' }}>
      {seller.logo ? (
        // eslint-disable-next-line jsx-a11y/alt-text -- a PDF image has no alt attribute
        <Image
          src={seller.logo}
          style={{ height: layout.logoHeight, maxWidth: layout.contentWidth * 0.5, objectFit: 'contain', marginBottom: layout.fontSize * 0.6 }}
        />
      ) : null}
      {seller.name ? <Text style={{ fontWeight: 700, fontSize: layout.fontSize * 1.15 }}>{seller.name}</Text> : null}
      {details.length > 0 ? <Text style={{ color: muted }}>{details.join('\n')}</Text> : null}
    </View>
  );
}

/** A line's description, with the period it covers under it. */
function LineDescription({ line, style }: { line: DocumentLine; style?: Style }) {
  return (
    <Text style={style}>
      {line.description}
      {line.period ? <Text style={{ color: muted }}>{`\n${formatPeriod(line.period)}`}</Text> : null}
    </Text>
  );
}

function CustomerBlock({ doc }: { doc: InvoiceDocumentModel }) {
  const { customer } = doc;
  const details = [
    ...customer.lines,
    ...(customer.taxId ? [`Tax ID: ${customer.taxId}`] : []),
    ...(customer.placeOfSupply ? [`Place of supply: ${customer.placeOfSupply}`] : []),
  ];
  return (
    <Text>
      <Text style={{ color: muted, fontWeight: 700 }}>{doc.kind === 'credit_note' ? 'Credited to' : 'Bill to'}</Text>
      {'\n'}
      <Text style={{ fontWeight: 700 }}>{customer.name}</Text>
      {details.map((line) => `\n${line}`).join('')}
    </Text>
  );
}

/** Labels and values as two columns of lines: one Text each, rows aligned by equal line height. */
function MetaRows({ doc, align }: { doc: InvoiceDocumentModel; align: 'right' | 'justify' }) {
  const rows: Array<[string, string]> = [['Number', doc.number ?? 'Draft']];
  if (doc.kind === 'credit_note') {
    rows.push(['Date', formatDay(doc.issueDate)]);
  } else {
    rows.push(['Issue date', formatDay(doc.issueDate)], ['Due date', formatDay(doc.dueDate)]);
  }
  if (doc.paidOn && doc.kind !== 'credit_note') rows.push(['Paid on', formatDay(doc.paidOn)]);
  if (doc.poNumber) rows.push(['PO / contract no.', doc.poNumber]);
  if (doc.corrects) rows.push(['Corrects', doc.corrects]);
  if (doc.consolidatedInto) rows.push(['Consolidated into', doc.consolidatedInto]);
  if (doc.proforma) rows.push(['For proforma', doc.proforma]);
  if (doc.convertedInto) rows.push(['Invoice', doc.convertedInto]);
  const [[, number], ...rest] = rows as [[string, string], ...Array<[string, string]>];
  return (
    <View style={{ flexDirection: 'row', justifyContent: align === 'right' ? 'flex-end' : 'space-between', alignSelf: 'stretch' }}>
      <Text style={{ color: muted, textAlign: align === 'right' ? 'right' : 'left', marginRight: 8 }}>{rows.map(([label]) => label).join('\n')}</Text>
      <Text style={{ textAlign: 'right' }}>
        <Text style={{ fontWeight: 700 }}>{number}</Text>
        {rest.map(([, value]) => `\n${value}`).join('')}
      </Text>
    </View>
  );
}

function Totals({ doc, layout }: { doc: InvoiceDocumentModel; layout: Layout }) {
  const payable = doc.kind !== 'credit_note' && doc.status !== 'draft' && doc.status !== 'cancelled';
  const breakdown: Array<[string, string]> = [
    ['Subtotal', money(doc, doc.subtotal)],
    ...taxBreakdown(doc.lines).map((band): [string, string] => [`${doc.taxLabel} ${band.rate}% on ${money(doc, band.base)}`, money(doc, band.tax)]),
  ];
  const settlement: Array<[string, string]> = [];
  if (payable && doc.amountPaid > 0n) settlement.push(['Paid', money(doc, -doc.amountPaid)]);
  if (payable && doc.amountRefunded > 0n) settlement.push(['Refunded', money(doc, doc.amountRefunded)]);
  const pair = (rows: Array<[string, string]>, style: Style = {}) => (
    <View style={{ flexDirection: 'row', justifyContent: 'space-between', ...style }}>
      <Text style={{ color: muted, flexShrink: 1, marginRight: 6 }}>{rows.map(([label]) => label).join('\n')}</Text>
      <Text style={{ textAlign: 'right' }}>{rows.map(([, value]) => value).join('\n')}</Text>
    </View>
  );
  const strong = (label: string, value: string, style: Style = {}) => (
    <View style={{ flexDirection: 'row', justifyContent: 'space-between', fontWeight: 700, ...style }}>
      <Text>{label}</Text>
      <Text>{value}</Text>
    </View>
  );
  return (
    <View>
      {pair(breakdown)}
      {strong('Total', money(doc, doc.total), { borderTopWidth: 1, borderTopColor: ink, marginTop: 2, paddingTop: 2, fontSize: layout.fontSize * 1.15 })}
      {settlement.length > 0 ? pair(settlement) : null}
      {settlement.length > 0 ? strong('Balance due', money(doc, doc.balance)) : null}
    </View>
  );
}

function Sources({ doc, layout }: { doc: InvoiceDocumentModel; layout: Layout }) {
  if (doc.sources.length === 0) return null;
  return (
    <View style={{ marginTop: layout.fontSize * 1.5 }}>
      <Text style={{ fontWeight: 700 }}>This invoice consolidates</Text>
      {doc.sources.map((source) => (
        <View key={source.number} wrap={false} style={{ flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: rule, paddingVertical: 1 }}>
          <Text style={{ width: '40%' }}>{source.number}</Text>
          <Text style={{ width: '30%', color: muted }}>{formatDay(source.issueDate)}</Text>
          <Text style={{ width: '30%', textAlign: 'right' }}>{money(doc, source.total)}</Text>
        </View>
      ))}
    </View>
  );
}

function Instructions({ doc }: { doc: InvoiceDocumentModel }) {
  const bank = awaitsPayment(doc) ? doc.seller.bankDetails : '';
  return (
    <Text>
      {paymentInstructions(doc).join('\n')}
      {bank ? (
        <>
          {'\n\n'}
          <Text style={{ fontWeight: 700 }}>Bank details</Text>
          {`\n${bank}`}
        </>
      ) : null}
      {doc.notes ? (
        <>
          {'\n\n'}
          <Text style={{ fontWeight: 700 }}>Notes</Text>
          {`\n${doc.notes}`}
        </>
      ) : null}
    </Text>
  );
}

/** The QR code of a public invoice link with the link printed under it (cash receipts print it too). */
export function PublicLink({ url, layout, width }: { url: string | null; layout: Layout; width: number }) {
  if (!url) return null;
  const qr = qrPath(url);
  const quiet = 2;
  const side = qr.size + quiet * 2;
  // The link is printed too, for readers without a camera and for text search. It has no
  // spaces to wrap at, so it is cut to the column's width here.
  const lines = breakToWidth(url, width * 0.98, (char) => charWidth(char, layout.smallSize));
  return (
    <View style={{ alignItems: 'center' }}>
      {/* Painted straight onto the page: as an <Svg> its 600 sub-paths cost more than the rest of the page. */}
      <Canvas
        style={{ width: layout.qrSize, height: layout.qrSize }}
        paint={(painter, canvasWidth) => {
          painter
            .scale(canvasWidth / side)
            .translate(quiet, quiet)
            .path(qr.path)
            .fill(ink);
          return null;
        }}
      />
      <Text style={{ marginTop: 2, textAlign: 'center', fontSize: layout.smallSize, color: muted }}>{lines.join('\n')}</Text>
    </View>
  );
}

function StampMark({ stamp, layout, tilted = false }: { stamp: Stamp; layout: Layout; tilted?: boolean }) {
  const colour = stampColours[stamp.tone];
  return (
    <Text
      style={{
        marginTop: layout.fontSize * (tilted ? 1 : 0.4),
        marginRight: tilted ? layout.fontSize : 0,
        borderWidth: 2,
        borderColor: colour,
        color: colour,
        borderRadius: 3,
        paddingHorizontal: layout.fontSize * 0.6,
        paddingTop: layout.fontSize * 0.2,
        fontWeight: 700,
        fontSize: tilted ? layout.titleSize : layout.fontSize * 1.6,
        opacity: 0.85,
        ...(tilted ? { transform: 'rotate(-8deg)' } : {}),
      }}
    >
      {stamp.text}
    </Text>
  );
}
