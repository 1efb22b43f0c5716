import { message } from '@ecm365/shared';
import type { EinvoiceData, InspectionNote, MonetaryAmount } from './document-types.js';
import { profileFromSpecificationId } from './einvoice-profile.js';
import { childElement, descendant, elementText, parseXmlSafely, type XmlElement } from './safe-xml.js';

/**
 * EN 16931 e-invoices in XML, recognised by the root element's namespace (notes §3): UBL 2.1 Invoice / CreditNote
 * and UN/CEFACT CII (ZUGFeRD 2.x, Factur-X, XRechnung-CII). Reads what the import puts into ELO's index fields.
 */
export const UBL_INVOICE_NS = 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2';
export const UBL_CREDIT_NOTE_NS = 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2';
export const CII_NS = 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100';
const CBC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2';
const CAC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2';
const RAM = 'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100';
const UDT = 'urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100';
const ZUGFERD_1_NS = 'urn:ferd:CrossIndustryDocument:invoice:1p0';
/** UNTDID 1001 codes that EN 16931 (CEN/TS 16931-3) treats as credit notes; all others are invoices. */
const CREDIT_NOTE_TYPE_CODES = new Set(['81', '83', '261', '262', '296', '308', '381', '396', '420', '458', '532']);

export type XmlInspection =
  | { isEinvoice: true; einvoice: EinvoiceData; notes: InspectionNote[] }
  | { isEinvoice: false; notes: InspectionNote[] };

export function inspectEinvoiceXml(bytes: Uint8Array, maxBytes: number): XmlInspection {
  const parsed = parseXmlSafely(bytes, maxBytes);
  if (!parsed.ok) return { isEinvoice: false, notes: [parsed.note] };
  return recognizeEinvoice(parsed.root);
}

export function recognizeEinvoice(root: XmlElement): XmlInspection {
  let einvoice: EinvoiceData;
  if (root.ns === UBL_INVOICE_NS && root.name === 'Invoice') einvoice = readUbl(root, 'invoice');
  else if (root.ns === UBL_CREDIT_NOTE_NS && root.name === 'CreditNote') einvoice = readUbl(root, 'credit_note');
  else if (root.ns === CII_NS && root.name === 'CrossIndustryInvoice') einvoice = readCii(root);
  else return { isEinvoice: false, notes: [notEinvoiceNote(root)] };

  const notes: InspectionNote[] = [];
  if (!einvoice.profile.isInvoiceInGermany) {
    notes.push({
      code: 'einvoice_not_an_invoice_in_germany',
      text: message('import.einvoice_not_an_invoice_in_germany', { profile: einvoice.profile.label }),
    });
  }
  // One note per missing field: a list of field names would be words of one language inside a parameter.
  const missing = [
    einvoice.invoiceNumber ? undefined : message('import.einvoice_missing_number'),
    einvoice.issueDate ? undefined : message('import.einvoice_missing_date'),
    einvoice.sellerName ? undefined : message('import.einvoice_missing_seller'),
    einvoice.total ? undefined : message('import.einvoice_missing_total'),
  ];
  for (const text of missing) if (text) notes.push({ code: 'einvoice_incomplete', text });
  return { isEinvoice: true, einvoice, notes };
}

function readUbl(root: XmlElement, documentType: 'invoice' | 'credit_note'): EinvoiceData {
  const text = (element: XmlElement | undefined) => elementText(element, 200);
  const party = descendant(root, [
    [CAC, 'AccountingSupplierParty'],
    [CAC, 'Party'],
  ]);
  const monetaryTotal = childElement(root, CAC, 'LegalMonetaryTotal');
  const payable =
    childElement(monetaryTotal, CBC, 'PayableAmount') ?? childElement(monetaryTotal, CBC, 'TaxInclusiveAmount');
  const typeCode = text(childElement(root, CBC, documentType === 'invoice' ? 'InvoiceTypeCode' : 'CreditNoteTypeCode'));
  return withoutUndefined({
    syntax: 'ubl',
    documentType:
      documentType === 'credit_note' || CREDIT_NOTE_TYPE_CODES.has(typeCode ?? '') ? 'credit_note' : 'invoice',
    typeCode,
    profile: profileFromSpecificationId(text(childElement(root, CBC, 'CustomizationID'))),
    invoiceNumber: text(childElement(root, CBC, 'ID')),
    issueDate: isoDate(text(childElement(root, CBC, 'IssueDate'))),
    sellerName:
      text(
        descendant(party, [
          [CAC, 'PartyLegalEntity'],
          [CBC, 'RegistrationName'],
        ]),
      ) ??
      text(
        descendant(party, [
          [CAC, 'PartyName'],
          [CBC, 'Name'],
        ]),
      ),
    total: amount(payable, payable?.attributes['currencyID'] ?? text(childElement(root, CBC, 'DocumentCurrencyCode'))),
  });
}

function readCii(root: XmlElement): EinvoiceData {
  const text = (element: XmlElement | undefined) => elementText(element, 200);
  const document = childElement(root, CII_NS, 'ExchangedDocument');
  const transaction = childElement(root, CII_NS, 'SupplyChainTradeTransaction');
  const settlement = childElement(transaction, RAM, 'ApplicableHeaderTradeSettlement');
  const summation = childElement(settlement, RAM, 'SpecifiedTradeSettlementHeaderMonetarySummation');
  const payable = childElement(summation, RAM, 'DuePayableAmount') ?? childElement(summation, RAM, 'GrandTotalAmount');
  const issued = descendant(document, [
    [RAM, 'IssueDateTime'],
    [UDT, 'DateTimeString'],
  ]);
  const typeCode = text(childElement(document, RAM, 'TypeCode'));
  return withoutUndefined({
    syntax: 'cii',
    documentType: CREDIT_NOTE_TYPE_CODES.has(typeCode ?? '') ? 'credit_note' : 'invoice',
    typeCode,
    profile: profileFromSpecificationId(
      text(
        descendant(root, [
          [CII_NS, 'ExchangedDocumentContext'],
          [RAM, 'GuidelineSpecifiedDocumentContextParameter'],
          [RAM, 'ID'],
        ]),
      ),
    ),
    invoiceNumber: text(childElement(document, RAM, 'ID')),
    issueDate: ciiDate(text(issued), issued?.attributes['format']),
    sellerName: text(
      descendant(transaction, [
        [RAM, 'ApplicableHeaderTradeAgreement'],
        [RAM, 'SellerTradeParty'],
        [RAM, 'Name'],
      ]),
    ),
    total: amount(
      payable,
      payable?.attributes['currencyID'] ?? text(childElement(settlement, RAM, 'InvoiceCurrencyCode')),
    ),
  });
}

function amount(element: XmlElement | undefined, currency: string | undefined): MonetaryAmount | undefined {
  const value = elementText(element, 40)?.replace(/^\+/, '');
  if (!value || !/^-?\d+(\.\d+)?$/.test(value)) return undefined;
  const code = currency?.trim().toUpperCase();
  return code && /^[A-Z]{3}$/.test(code) ? { amount: value, currency: code } : { amount: value };
}

function isoDate(value: string | undefined): string | undefined {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? value : undefined;
}

/** CII dates: format 102 is YYYYMMDD (the only one EN 16931 allows for dates). */
function ciiDate(value: string | undefined, format: string | undefined): string | undefined {
  if (!value || (format !== undefined && format !== '102') || !/^\d{8}$/.test(value)) return undefined;
  return isoDate(`${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`);
}

function notEinvoiceNote(root: XmlElement): InspectionNote {
  if (root.ns === ZUGFERD_1_NS) {
    return { code: 'xml_not_einvoice', text: message('import.xml_zugferd_1') };
  }
  const qualified = root.ns ? `{${root.ns}}${root.name}` : root.name;
  return { code: 'xml_not_einvoice', text: message('import.xml_not_einvoice', { root: qualified.slice(0, 200) }) };
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as T;
}
