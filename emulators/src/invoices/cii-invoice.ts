import { decimalAmount, invoiceTotals, type SampleAddress, type SampleInvoice } from './sample-invoice.js';
import { withAttributes, xmlDocument, type XmlTree } from './xml-output.js';

/**
 * An invoice in UN/CEFACT Cross Industry Invoice syntax (D16B), as ZUGFeRD 2.x / Factur-X and XRechnung-CII write
 * it. The guideline (specification identifier) names the profile; MINIMUM and BASIC WL carry no invoice lines.
 */
export const CII_GUIDELINES = {
  minimum: 'urn:factur-x.eu:1p0:minimum',
  basic_wl: 'urn:factur-x.eu:1p0:basicwl',
  basic: 'urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic',
  en16931: 'urn:cen.eu:en16931:2017',
  extended: 'urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended',
  xrechnung_3: 'urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0',
} as const;
export type CiiProfile = keyof typeof CII_GUIDELINES;

const CII_NAMESPACES = {
  rsm: 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100',
  ram: 'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100',
  qdt: 'urn:un:unece:uncefact:data:standard:QualifiedDataType:100',
  udt: 'urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100',
};

export function ciiInvoiceXml(invoice: SampleInvoice, profile: CiiProfile = 'en16931'): Buffer {
  const totals = invoiceTotals(invoice);
  const withLines = profile !== 'minimum' && profile !== 'basic_wl';
  const currencyAmount = (cents: number) => withAttributes(decimalAmount(cents), { currencyID: invoice.currency });

  const document: XmlTree = {
    '@_xmlns:rsm': CII_NAMESPACES.rsm,
    '@_xmlns:ram': CII_NAMESPACES.ram,
    '@_xmlns:qdt': CII_NAMESPACES.qdt,
    '@_xmlns:udt': CII_NAMESPACES.udt,
    'rsm:ExchangedDocumentContext': {
      'ram:BusinessProcessSpecifiedDocumentContextParameter':
        profile === 'xrechnung_3' ? { 'ram:ID': 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0' } : undefined,
      'ram:GuidelineSpecifiedDocumentContextParameter': { 'ram:ID': CII_GUIDELINES[profile] },
    },
    'rsm:ExchangedDocument': {
      'ram:ID': invoice.number,
      'ram:TypeCode': invoice.documentType === 'credit_note' ? '381' : '380',
      'ram:IssueDateTime': { 'udt:DateTimeString': withAttributes(compactDate(invoice.issueDate), { format: '102' }) },
      'ram:IncludedNote': invoice.note ? { 'ram:Content': invoice.note } : undefined,
    },
    'rsm:SupplyChainTradeTransaction': {
      'ram:IncludedSupplyChainTradeLineItem': withLines
        ? invoice.lines.map((line, index) => ({
            'ram:AssociatedDocumentLineDocument': { 'ram:LineID': String(index + 1) },
            'ram:SpecifiedTradeProduct': { 'ram:Name': line.description },
            'ram:SpecifiedLineTradeAgreement': {
              'ram:NetPriceProductTradePrice': { 'ram:ChargeAmount': decimalAmount(line.unitPriceCents) },
            },
            'ram:SpecifiedLineTradeDelivery': {
              'ram:BilledQuantity': withAttributes(String(line.quantity), { unitCode: line.unitCode }),
            },
            'ram:SpecifiedLineTradeSettlement': {
              'ram:ApplicableTradeTax': {
                'ram:TypeCode': 'VAT',
                'ram:CategoryCode': 'S',
                'ram:RateApplicablePercent': String(line.vatPercent),
              },
              'ram:SpecifiedTradeSettlementLineMonetarySummation': {
                'ram:LineTotalAmount': decimalAmount(totals.lineCents[index] ?? 0),
              },
            },
          }))
        : undefined,
      'ram:ApplicableHeaderTradeAgreement': {
        'ram:BuyerReference': invoice.buyer.reference,
        'ram:SellerTradeParty': {
          'ram:Name': invoice.seller.name,
          'ram:DefinedTradeContact': {
            'ram:PersonName': invoice.seller.contactName,
            'ram:TelephoneUniversalCommunication': { 'ram:CompleteNumber': invoice.seller.phone },
            'ram:EmailURIUniversalCommunication': { 'ram:URIID': invoice.seller.email },
          },
          'ram:PostalTradeAddress': tradeAddress(invoice.seller.address),
          'ram:URIUniversalCommunication': { 'ram:URIID': withAttributes(invoice.seller.email, { schemeID: 'EM' }) },
          'ram:SpecifiedTaxRegistration': { 'ram:ID': withAttributes(invoice.seller.vatId, { schemeID: 'VA' }) },
        },
        'ram:BuyerTradeParty': {
          'ram:Name': invoice.buyer.name,
          'ram:PostalTradeAddress': tradeAddress(invoice.buyer.address),
          'ram:URIUniversalCommunication': { 'ram:URIID': withAttributes(invoice.buyer.email, { schemeID: 'EM' }) },
        },
      },
      'ram:ApplicableHeaderTradeDelivery': {
        'ram:ActualDeliverySupplyChainEvent': {
          'ram:OccurrenceDateTime': {
            'udt:DateTimeString': withAttributes(compactDate(invoice.deliveryDate), { format: '102' }),
          },
        },
      },
      'ram:ApplicableHeaderTradeSettlement': {
        'ram:PaymentReference': invoice.number,
        'ram:InvoiceCurrencyCode': invoice.currency,
        'ram:SpecifiedTradeSettlementPaymentMeans': {
          'ram:TypeCode': '58',
          'ram:PayeePartyCreditorFinancialAccount': { 'ram:IBANID': invoice.seller.iban },
        },
        'ram:ApplicableTradeTax': totals.vat.map((entry) => ({
          'ram:CalculatedAmount': decimalAmount(entry.taxCents),
          'ram:TypeCode': 'VAT',
          'ram:BasisAmount': decimalAmount(entry.basisCents),
          'ram:CategoryCode': 'S',
          'ram:RateApplicablePercent': String(entry.vatPercent),
        })),
        'ram:SpecifiedTradePaymentTerms': invoice.dueDate
          ? {
              'ram:Description': 'Zahlbar innerhalb von 14 Tagen ohne Abzug.',
              'ram:DueDateDateTime': {
                'udt:DateTimeString': withAttributes(compactDate(invoice.dueDate), { format: '102' }),
              },
            }
          : undefined,
        'ram:SpecifiedTradeSettlementHeaderMonetarySummation': {
          'ram:LineTotalAmount': withLines ? decimalAmount(totals.netCents) : undefined,
          'ram:TaxBasisTotalAmount': decimalAmount(totals.netCents),
          'ram:TaxTotalAmount': currencyAmount(totals.taxCents),
          'ram:GrandTotalAmount': decimalAmount(totals.grossCents),
          'ram:DuePayableAmount': decimalAmount(totals.payableCents),
        },
        'ram:InvoiceReferencedDocument': invoice.precedingInvoice
          ? { 'ram:IssuerAssignedID': invoice.precedingInvoice }
          : undefined,
      },
    },
  };
  return xmlDocument({ 'rsm:CrossIndustryInvoice': document });
}

function tradeAddress(address: SampleAddress): XmlTree {
  return {
    'ram:PostcodeCode': address.postcode,
    'ram:LineOne': address.street,
    'ram:CityName': address.city,
    'ram:CountryID': address.country,
  };
}

/** CII dates use format 102: YYYYMMDD. */
function compactDate(isoDate: string): string {
  return isoDate.replaceAll('-', '');
}
