import { Canvas, Document, Image, Page, Text, View, type Styles } from '@react-pdf/renderer';
import { charWidth, fontFamily, printable } from './fonts';
import { breakToWidth, layoutFor, type Layout } from './layout';
import {
  awaitsPayment,
  documentTitle,
  formatDay,
  formatPeriod,
  lineAmount,
  localHeading,
  paymentInstructions,
  stampFor,
  taxBreakdown,
  type DocumentLine,
  type InvoiceDocumentModel,
  type Stamp,
} from './model';
import type { Paper } from './paper';
import { qrPath } from './qr';
import type { DocumentWords } from './words';

type Style = Styles[string];

const ink = '#1a1a1a';
const muted = '#5f6368';
const rule = '#d9d9d9';
const stampColours: Record<Stamp['tone'], string> = { good: '#1e7b34', bad: '#b3261e', neutral: '#6b6b6b' };

// Each <Text> has a fixed cost in react-pdf (a good part of a millisecond) whatever it holds, so
// lines in one style are one Text with newlines (bold runs as nested spans), not a Text each.

type Props = { doc: InvoiceDocumentModel; paper: Paper; w: DocumentWords };

/** One template for every document kind; the paper decides between a sheet and a receipt. */
export function InvoiceDocument({ doc, paper, w }: Props) {
  const layout = layoutFor(paper);
  const title = documentTitle(doc, w);
  const label = doc.number ?? w.t('draft');
  const page: Style = { fontFamily, fontSize: layout.fontSize, color: ink, padding: layout.margin };
  const pageNumbers: Style = { textAlign: 'center', fontSize: layout.smallSize, color: muted, marginTop: layout.fontSize };
  return (
    <Document title={localHeading(doc, w)} author={doc.seller.name} creator="Cashdesk" producer="Cashdesk">
      {paper.heightPt === null ? (
        // A roll is cut where the content ends: one page, as tall as the document.
        <Page size={{ width: paper.widthPt }} style={page}>
          <ReceiptBody doc={doc} layout={layout} title={title} w={w} />
          <Text style={pageNumbers}>{w.t('page', { label, page: 1, pages: 1 })}</Text>
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
              <Text style={pageNumbers}>{w.t('page', { label, page: pageNumber ?? 1, pages: totalPages ?? 1 })}</Text>
            </>
          )}
        >
          {layout.variant === 'sheet' ? (
            <SheetBody doc={doc} layout={layout} title={title} w={w} />
          ) : (
            <ReceiptBody doc={doc} layout={layout} title={title} w={w} />
          )}
        </Page>
      )}
    </Document>
  );
}

type BodyProps = { doc: InvoiceDocumentModel; layout: Layout; title: string; w: DocumentWords };
type Parts = { doc: InvoiceDocumentModel; w: DocumentWords };

const money = (doc: InvoiceDocumentModel, w: DocumentWords, amount: bigint) => printable(w.formats.money(amount, doc.currency));

function SheetBody({ doc, layout, title, w }: BodyProps) {
  const stamp = stampFor(doc, w);
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
          <SellerBlock doc={doc} layout={layout} w={w} />
        </View>
        <View style={{ width: '45%', alignItems: 'flex-end' }}>
          <Text style={{ fontSize: layout.titleSize, fontWeight: 700, marginBottom: layout.fontSize * 0.3 }}>{title}</Text>
          {doc.orderName ? <Text style={{ textAlign: 'right', marginBottom: layout.fontSize * 0.3 }}>{doc.orderName}</Text> : null}
          <MetaRows doc={doc} w={w} align="right" />
          {stamp ? <StampMark stamp={stamp} layout={layout} tilted /> : null}
        </View>
      </View>

      <View style={{ width: '50%', marginBottom: layout.fontSize * 1.5 }}>
        <CustomerBlock doc={doc} w={w} />
      </View>

      <View style={{ flexDirection: 'row', backgroundColor: '#f1f3f4', paddingVertical: 3, fontWeight: 700 }}>
        <Text style={columns.description}>{w.t('column.description')}</Text>
        {coded ? <Text style={columns.code}>{w.t('column.code')}</Text> : null}
        <Text style={columns.quantity}>{w.t('column.quantity')}</Text>
        <Text style={columns.unitPrice}>{w.t('column.unitPrice')}</Text>
        <Text style={columns.taxRate}>{doc.taxLabel}</Text>
        <Text style={columns.amount}>{doc.taxMode === 'inclusive' ? w.t('column.amountInclTax') : w.t('column.amount')}</Text>
      </View>
      {doc.lines.map((line, index) => (
        <View key={index} wrap={false} style={{ flexDirection: 'row', paddingVertical: 3, borderBottomWidth: 0.5, borderBottomColor: rule }}>
          <LineDescription line={line} w={w} style={columns.description} />
          {coded ? <Text style={columns.code}>{line.code ?? ''}</Text> : null}
          <Text style={columns.quantity}>{line.quantity}</Text>
          <Text style={columns.unitPrice}>{money(doc, w, line.unitPrice)}</Text>
          <Text style={columns.taxRate}>{`${line.taxRate}%`}</Text>
          <Text style={columns.amount}>{money(doc, w, lineAmount(line, doc.taxMode))}</Text>
        </View>
      ))}

      <View wrap={false} style={{ flexDirection: 'row', justifyContent: 'flex-end', marginTop: layout.fontSize }}>
        <View style={{ width: '50%' }}>
          <Totals doc={doc} layout={layout} w={w} />
        </View>
      </View>

      <Sources doc={doc} layout={layout} w={w} />

      <View wrap={false} style={{ flexDirection: 'row', justifyContent: 'space-between', marginTop: layout.fontSize * 2 }}>
        <View style={{ width: '58%' }}>
          <Instructions doc={doc} w={w} />
        </View>
        <View style={{ width: '38%', alignItems: 'center' }}>
          <PublicLink url={doc.publicUrl} layout={layout} width={layout.contentWidth * 0.38} />
        </View>
      </View>
    </View>
  );
}

function ReceiptBody({ doc, layout, title, w }: BodyProps) {
  const stamp = stampFor(doc, w);
  const section: Style = { marginTop: layout.fontSize * 0.8, paddingTop: layout.fontSize * 0.8, borderTopWidth: 0.5, borderTopColor: rule };
  return (
    <View>
      <SellerBlock doc={doc} layout={layout} w={w} centred />
      <View style={{ ...section, alignItems: 'center' }}>
        <Text style={{ fontSize: layout.titleSize, fontWeight: 700 }}>{title}</Text>
        {doc.orderName ? <Text style={{ textAlign: 'center' }}>{doc.orderName}</Text> : null}
        {stamp ? <StampMark stamp={stamp} layout={layout} /> : null}
      </View>
      <View style={{ marginTop: layout.fontSize * 0.5 }}>
        <MetaRows doc={doc} w={w} align="justify" />
      </View>
      <View style={section}>
        <CustomerBlock doc={doc} w={w} />
      </View>
      <View style={section}>
        {doc.lines.map((line, index) => (
          <View key={index} wrap={false} style={{ marginBottom: layout.fontSize * 0.4 }}>
            <LineDescription line={line} w={w} />
            <View style={{ flexDirection: 'row', justifyContent: 'space-between' }}>
              <Text style={{ color: muted }}>
                {`${line.code ? `${w.t('lineCode', { code: line.code })} · ` : ''}${line.quantity} × ${money(doc, w, line.unitPrice)} · ${doc.taxLabel} ${line.taxRate}%`}
              </Text>
              <Text>{money(doc, w, lineAmount(line, doc.taxMode))}</Text>
            </View>
          </View>
        ))}
      </View>
      <View style={section}>
        <Totals doc={doc} layout={layout} w={w} />
      </View>
      <Sources doc={doc} layout={layout} w={w} />
      <View style={section}>
        <Instructions doc={doc} w={w} />
      </View>
      <View style={{ ...section, alignItems: 'center' }}>
        <PublicLink url={doc.publicUrl} layout={layout} width={layout.contentWidth} />
      </View>
    </View>
  );
}

function SellerBlock({ doc, layout, w, centred = false }: Parts & { layout: Layout; centred?: boolean }) {
  const { seller } = doc;
  const details = [...seller.lines, ...(seller.taxId ? [w.t('taxId', { id: seller.taxId })] : [])];
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
function LineDescription({ line, w, style }: { line: DocumentLine; w: DocumentWords; style?: Style }) {
  return (
    <Text style={style}>
      {line.description}
      {line.period ? <Text style={{ color: muted }}>{`\n${formatPeriod(line.period, w)}`}</Text> : null}
    </Text>
  );
}

function CustomerBlock({ doc, w }: Parts) {
  const { customer } = doc;
  const details = [
    ...customer.lines,
    ...(customer.taxId ? [w.t('taxId', { id: customer.taxId })] : []),
    ...(customer.placeOfSupply ? [w.t('placeOfSupply', { place: customer.placeOfSupply })] : []),
  ];
  return (
    <Text>
      <Text style={{ color: muted, fontWeight: 700 }}>{doc.kind === 'credit_note' ? w.t('creditedTo') : w.t('billTo')}</Text>
      {'\n'}
      <Text style={{ fontWeight: 700 }}>{customer.name}</Text>
      {details.map((line) => `\n${line}`).join('')}
    </Text>
  );
}

/** Labels and values as two columns of lines: one Text each, rows aligned by equal line height. */
function MetaRows({ doc, w, align }: Parts & { align: 'right' | 'justify' }) {
  const { t } = w;
  const rows: Array<[string, string]> = [[t('meta.number'), doc.number ?? t('draft')]];
  if (doc.kind === 'credit_note') {
    rows.push([t('meta.date'), formatDay(doc.issueDate, w)]);
  } else {
    rows.push([t('meta.issueDate'), formatDay(doc.issueDate, w)], [t('meta.dueDate'), formatDay(doc.dueDate, w)]);
  }
  if (doc.paidOn && doc.kind !== 'credit_note') rows.push([t('meta.paidOn'), formatDay(doc.paidOn, w)]);
  if (doc.poNumber) rows.push([t('meta.poNumber'), doc.poNumber]);
  if (doc.corrects) rows.push([t('meta.corrects'), doc.corrects]);
  if (doc.consolidatedInto) rows.push([t('meta.consolidatedInto'), doc.consolidatedInto]);
  if (doc.proforma) rows.push([t('meta.forProforma'), doc.proforma]);
  if (doc.convertedInto) rows.push([t('meta.invoice'), doc.convertedInto]);
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

function Totals({ doc, layout, w }: Parts & { layout: Layout }) {
  const { t } = w;
  const payable = doc.kind !== 'credit_note' && doc.status !== 'draft' && doc.status !== 'cancelled';
  const breakdown: Array<[string, string]> = [
    [t('totals.subtotal'), money(doc, w, doc.subtotal)],
    ...taxBreakdown(doc.lines).map((band): [string, string] => [
      t('totals.taxOn', { tax: doc.taxLabel, rate: band.rate, base: money(doc, w, band.base) }),
      money(doc, w, band.tax),
    ]),
  ];
  const settlement: Array<[string, string]> = [];
  if (payable && doc.amountPaid > 0n) settlement.push([t('totals.paid'), money(doc, w, -doc.amountPaid)]);
  if (payable && doc.amountRefunded > 0n) settlement.push([t('totals.refunded'), money(doc, w, doc.amountRefunded)]);
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
      {strong(t('totals.total'), money(doc, w, doc.total), {
        borderTopWidth: 1,
        borderTopColor: ink,
        marginTop: 2,
        paddingTop: 2,
        fontSize: layout.fontSize * 1.15,
      })}
      {settlement.length > 0 ? pair(settlement) : null}
      {settlement.length > 0 ? strong(t('totals.balanceDue'), money(doc, w, doc.balance)) : null}
    </View>
  );
}

function Sources({ doc, layout, w }: Parts & { layout: Layout }) {
  if (doc.sources.length === 0) return null;
  return (
    <View style={{ marginTop: layout.fontSize * 1.5 }}>
      <Text style={{ fontWeight: 700 }}>{w.t('consolidates')}</Text>
      {doc.sources.map((source) => (
        <View key={source.number} wrap={false} style={{ flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: rule, paddingVertical: 1 }}>
          <Text style={{ width: '40%' }}>{source.number}</Text>
          <Text style={{ width: '30%', color: muted }}>{formatDay(source.issueDate, w)}</Text>
          <Text style={{ width: '30%', textAlign: 'right' }}>{money(doc, w, source.total)}</Text>
        </View>
      ))}
    </View>
  );
}

function Instructions({ doc, w }: Parts) {
  const bank = awaitsPayment(doc) ? doc.seller.bankDetails : '';
  return (
    <Text>
      {paymentInstructions(doc, w).join('\n')}
      {bank ? (
        <>
          {'\n\n'}
          <Text style={{ fontWeight: 700 }}>{w.t('bankDetails')}</Text>
          {`\n${bank}`}
        </>
      ) : null}
      {doc.notes ? (
        <>
          {'\n\n'}
          <Text style={{ fontWeight: 700 }}>{w.t('notes')}</Text>
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
