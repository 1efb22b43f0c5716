/**
 * The content of a sample invoice, from which every representation is generated (PDF, UBL, CII, hybrid), so the
 * PDF and the XML of one invoice always agree. Amounts are integer cents: no floating-point sums.
 */

export interface SampleAddress {
  street: string;
  postcode: string;
  city: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

export interface SampleSeller {
  name: string;
  address: SampleAddress;
  /** USt-IdNr. (BT-31). */
  vatId: string;
  /** Electronic address (BT-34), an e-mail address. */
  email: string;
  contactName: string;
  phone: string;
  iban: string;
  bic: string;
  bankName: string;
}

export interface SampleBuyer {
  name: string;
  address: SampleAddress;
  /** Leitweg-ID or another buyer reference (BT-10; mandatory in XRechnung). */
  reference: string;
  /** Electronic address (BT-49). */
  email: string;
}

export interface SampleLine {
  description: string;
  quantity: number;
  /** UN/ECE Recommendation 20 unit: C62 piece, HUR hour, MON month, LTR litre. */
  unitCode: string;
  unitPriceCents: number;
  vatPercent: number;
}

export interface SampleInvoice {
  documentType: 'invoice' | 'credit_note';
  number: string;
  /** YYYY-MM-DD. */
  issueDate: string;
  /** YYYY-MM-DD; invoices only. */
  dueDate?: string;
  /** YYYY-MM-DD. */
  deliveryDate: string;
  currency: 'EUR';
  seller: SampleSeller;
  buyer: SampleBuyer;
  lines: SampleLine[];
  /** Credit notes: the invoice they correct (BT-25). */
  precedingInvoice?: string;
  note?: string;
}

export interface VatBreakdown {
  vatPercent: number;
  basisCents: number;
  taxCents: number;
}

export interface InvoiceTotals {
  lineCents: number[];
  netCents: number;
  vat: VatBreakdown[];
  taxCents: number;
  grossCents: number;
  /** What is to be paid (BT-115): gross, no prepayments in the samples. */
  payableCents: number;
}

export function invoiceTotals(invoice: SampleInvoice): InvoiceTotals {
  const lineCents = invoice.lines.map((line) => Math.round(line.quantity * line.unitPriceCents));
  const basisByRate = new Map<number, number>();
  invoice.lines.forEach((line, index) => {
    basisByRate.set(line.vatPercent, (basisByRate.get(line.vatPercent) ?? 0) + (lineCents[index] ?? 0));
  });
  const vat = [...basisByRate.entries()]
    .sort(([a], [b]) => b - a)
    .map(([vatPercent, basisCents]) => ({
      vatPercent,
      basisCents,
      taxCents: Math.round((basisCents * vatPercent) / 100),
    }));
  const netCents = lineCents.reduce((sum, cents) => sum + cents, 0);
  const taxCents = vat.reduce((sum, entry) => sum + entry.taxCents, 0);
  const grossCents = netCents + taxCents;
  return { lineCents, netCents, vat, taxCents, grossCents, payableCents: grossCents };
}

/** "1234.50": the decimal form e-invoices use. */
export function decimalAmount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** "1.234,50 €": the German form printed on the PDF. */
export function germanAmount(cents: number, currency = 'EUR'): string {
  const [whole = '0', fraction = '00'] = decimalAmount(cents).replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const symbol = currency === 'EUR' ? '€' : currency;
  return `${cents < 0 ? '-' : ''}${grouped},${fraction} ${symbol}`;
}

/** "02.09.2024" from "2024-09-02". */
export function germanDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}.${month}.${year}`;
}

export const SAMPLE_SELLERS = {
  bueroMueller: {
    name: 'Bürobedarf Müller GmbH',
    address: { street: 'Hauptstraße 12', postcode: '70173', city: 'Stuttgart', country: 'DE' },
    vatId: 'DE123456789',
    email: 'rechnung@mueller-buero.example',
    contactName: 'Petra Müller',
    phone: '+49 711 1234560',
    iban: 'DE02120300000000202051',
    bic: 'BYLADEM1001',
    bankName: 'Deutsche Kreditbank Berlin',
  },
  stadtwerke: {
    name: 'Stadtwerke Musterstadt GmbH',
    address: { street: 'Am Wasserturm 1', postcode: '12345', city: 'Musterstadt', country: 'DE' },
    vatId: 'DE811234567',
    email: 'rechnung@stadtwerke.example',
    contactName: 'Kundenservice',
    phone: '+49 30 9876540',
    iban: 'DE89370400440532013000',
    bic: 'COBADEFFXXX',
    bankName: 'Commerzbank',
  },
  itDienst: {
    name: 'Nordlicht IT-Dienstleistungen GmbH',
    address: { street: 'Speicherstadt 7', postcode: '20457', city: 'Hamburg', country: 'DE' },
    vatId: 'DE298765432',
    email: 'billing@nordlicht-it.example',
    contactName: 'Jan Hansen',
    phone: '+49 40 5556670',
    iban: 'DE75512108001245126199',
    bic: 'SOGEDEFFXXX',
    bankName: 'Société Générale',
  },
  papierSchmidt: {
    name: 'Papierhandel Schmidt e.K.',
    address: { street: 'Lindenallee 3', postcode: '04109', city: 'Leipzig', country: 'DE' },
    vatId: 'DE312345678',
    email: 'info@papier-schmidt.example',
    contactName: 'Karl Schmidt',
    phone: '+49 341 2223330',
    iban: 'DE12500105170648489890',
    bic: 'INGDDEFFXXX',
    bankName: 'ING',
  },
} satisfies Record<string, SampleSeller>;

export const SAMPLE_BUYER: SampleBuyer = {
  name: 'Contoso Deutschland GmbH',
  address: { street: 'Friedrichstraße 100', postcode: '10117', city: 'Berlin', country: 'DE' },
  reference: '04011000-12345-34',
  email: 'rechnungen@contoso.example',
};

/** A realistic office-supplies invoice; override what a test needs. */
export function sampleInvoice(overrides: Partial<SampleInvoice> = {}): SampleInvoice {
  return {
    documentType: 'invoice',
    number: 'RE-2024-1041',
    issueDate: '2024-09-02',
    dueDate: '2024-09-16',
    deliveryDate: '2024-08-30',
    currency: 'EUR',
    seller: SAMPLE_SELLERS.bueroMueller,
    buyer: SAMPLE_BUYER,
    lines: [
      {
        description: 'Kopierpapier A4, 80 g/m², 500 Blatt',
        quantity: 20,
        unitCode: 'C62',
        unitPriceCents: 459,
        vatPercent: 19,
      },
      { description: 'Druckerpatrone schwarz XL', quantity: 4, unitCode: 'C62', unitPriceCents: 3890, vatPercent: 19 },
      { description: 'Ordner breit, blau', quantity: 25, unitCode: 'C62', unitPriceCents: 235, vatPercent: 19 },
      {
        description: 'Fachzeitschrift „Büro heute“, Jahresabo',
        quantity: 1,
        unitCode: 'C62',
        unitPriceCents: 8900,
        vatPercent: 7,
      },
    ],
    note: 'Vielen Dank für Ihren Auftrag.',
    ...overrides,
  };
}

/** A credit note that corrects part of an invoice (two returned cartridges). */
export function sampleCreditNote(overrides: Partial<SampleInvoice> = {}): SampleInvoice {
  return sampleInvoice({
    documentType: 'credit_note',
    number: 'GS-2024-0077',
    issueDate: '2024-09-05',
    dueDate: undefined,
    precedingInvoice: 'RE-2024-1041',
    seller: SAMPLE_SELLERS.papierSchmidt,
    lines: [
      {
        description: 'Rücksendung Druckerpatrone schwarz XL',
        quantity: 2,
        unitCode: 'C62',
        unitPriceCents: 3890,
        vatPercent: 19,
      },
    ],
    note: 'Gutschrift zu Rechnung RE-2024-1041.',
    ...overrides,
  });
}
