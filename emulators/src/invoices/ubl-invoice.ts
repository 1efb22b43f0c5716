import { decimalAmount, invoiceTotals, type SampleAddress, type SampleInvoice } from './sample-invoice.js';
import { withAttributes, xmlDocument, type XmlTree } from './xml-output.js';

/**
 * An XRechnung 3.0 invoice or credit note in UBL 2.1 syntax, element order as in the UBL schemas and with the
 * fields XRechnung makes mandatory (buyer reference, electronic addresses, seller contact, payment means).
 */
export const XRECHNUNG_3_CUSTOMIZATION_ID = 'urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0';
export const PEPPOL_BILLING_PROFILE_ID = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';

const UBL_NAMESPACES = {
  invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  credit_note: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
};

export interface UblOptions {
  /** cbc:CustomizationID; default XRechnung 3.0. */
  customizationId?: string;
}

export function ublInvoiceXml(invoice: SampleInvoice, options: UblOptions = {}): Buffer {
  const creditNote = invoice.documentType === 'credit_note';
  const totals = invoiceTotals(invoice);
  const currency = invoice.currency;
  const amount = (cents: number) => withAttributes(decimalAmount(cents), { currencyID: currency });
  const root = creditNote ? 'CreditNote' : 'Invoice';

  const document: XmlTree = {
    '@_xmlns': creditNote ? UBL_NAMESPACES.credit_note : UBL_NAMESPACES.invoice,
    '@_xmlns:cac': UBL_NAMESPACES.cac,
    '@_xmlns:cbc': UBL_NAMESPACES.cbc,
    'cbc:CustomizationID': options.customizationId ?? XRECHNUNG_3_CUSTOMIZATION_ID,
    'cbc:ProfileID': PEPPOL_BILLING_PROFILE_ID,
    'cbc:ID': invoice.number,
    'cbc:IssueDate': invoice.issueDate,
    ...(creditNote
      ? { 'cbc:CreditNoteTypeCode': '381' }
      : { 'cbc:DueDate': invoice.dueDate, 'cbc:InvoiceTypeCode': '380' }),
    'cbc:Note': invoice.note,
    'cbc:DocumentCurrencyCode': currency,
    'cbc:BuyerReference': invoice.buyer.reference,
    'cac:BillingReference': invoice.precedingInvoice
      ? { 'cac:InvoiceDocumentReference': { 'cbc:ID': invoice.precedingInvoice } }
      : undefined,
    'cac:AccountingSupplierParty': {
      'cac:Party': {
        'cbc:EndpointID': withAttributes(invoice.seller.email, { schemeID: 'EM' }),
        'cac:PartyName': { 'cbc:Name': invoice.seller.name },
        'cac:PostalAddress': postalAddress(invoice.seller.address),
        'cac:PartyTaxScheme': { 'cbc:CompanyID': invoice.seller.vatId, 'cac:TaxScheme': { 'cbc:ID': 'VAT' } },
        'cac:PartyLegalEntity': { 'cbc:RegistrationName': invoice.seller.name },
        'cac:Contact': {
          'cbc:Name': invoice.seller.contactName,
          'cbc:Telephone': invoice.seller.phone,
          'cbc:ElectronicMail': invoice.seller.email,
        },
      },
    },
    'cac:AccountingCustomerParty': {
      'cac:Party': {
        'cbc:EndpointID': withAttributes(invoice.buyer.email, { schemeID: 'EM' }),
        'cac:PostalAddress': postalAddress(invoice.buyer.address),
        'cac:PartyLegalEntity': { 'cbc:RegistrationName': invoice.buyer.name },
      },
    },
    'cac:PaymentMeans': {
      'cbc:PaymentMeansCode': '58',
      'cbc:PaymentID': invoice.number,
      'cac:PayeeFinancialAccount': {
        'cbc:ID': invoice.seller.iban,
        'cbc:Name': invoice.seller.name,
        'cac:FinancialInstitutionBranch': { 'cbc:ID': invoice.seller.bic },
      },
    },
    'cac:PaymentTerms': {
      'cbc:Note': creditNote
        ? 'Der Betrag wird Ihrem Konto gutgeschrieben.'
        : 'Zahlbar innerhalb von 14 Tagen ohne Abzug.',
    },
    'cac:TaxTotal': {
      'cbc:TaxAmount': amount(totals.taxCents),
      'cac:TaxSubtotal': totals.vat.map((entry) => ({
        'cbc:TaxableAmount': amount(entry.basisCents),
        'cbc:TaxAmount': amount(entry.taxCents),
        'cac:TaxCategory': taxCategory(entry.vatPercent),
      })),
    },
    'cac:LegalMonetaryTotal': {
      'cbc:LineExtensionAmount': amount(totals.netCents),
      'cbc:TaxExclusiveAmount': amount(totals.netCents),
      'cbc:TaxInclusiveAmount': amount(totals.grossCents),
      'cbc:PayableAmount': amount(totals.payableCents),
    },
    [creditNote ? 'cac:CreditNoteLine' : 'cac:InvoiceLine']: invoice.lines.map((line, index) => ({
      'cbc:ID': String(index + 1),
      [creditNote ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity']: withAttributes(String(line.quantity), {
        unitCode: line.unitCode,
      }),
      'cbc:LineExtensionAmount': amount(totals.lineCents[index] ?? 0),
      'cac:Item': { 'cbc:Name': line.description, 'cac:ClassifiedTaxCategory': taxCategory(line.vatPercent) },
      'cac:Price': { 'cbc:PriceAmount': amount(line.unitPriceCents) },
    })),
  };
  return xmlDocument({ [root]: document });
}

function postalAddress(address: SampleAddress): XmlTree {
  return {
    'cbc:StreetName': address.street,
    'cbc:CityName': address.city,
    'cbc:PostalZone': address.postcode,
    'cac:Country': { 'cbc:IdentificationCode': address.country },
  };
}

function taxCategory(vatPercent: number): XmlTree {
  return { 'cbc:ID': 'S', 'cbc:Percent': String(vatPercent), 'cac:TaxScheme': { 'cbc:ID': 'VAT' } };
}
