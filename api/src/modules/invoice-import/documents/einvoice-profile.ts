import type { EinvoiceProfile, EinvoiceProfileFamily } from './document-types.js';

const FACTUR_X_PROFILES = {
  minimum: { family: 'minimum', name: 'MINIMUM' },
  basicwl: { family: 'basic_wl', name: 'BASIC WL' },
  basic: { family: 'basic', name: 'BASIC' },
  extended: { family: 'extended', name: 'EXTENDED' },
  en16931: { family: 'en16931', name: 'EN 16931' },
  comfort: { family: 'en16931', name: 'COMFORT' },
} as const satisfies Record<string, { family: EinvoiceProfileFamily; name: string }>;

/**
 * The specification identifier (BT-24: UBL cbc:CustomizationID, CII GuidelineSpecifiedDocumentContextParameter/ID)
 * in words. Identifiers are built as "<base>#compliant#<CIUS>" or "#conformant#<extension>", so the most specific
 * known part wins: XRechnung before Peppol before the Factur-X/ZUGFeRD profiles before plain EN 16931.
 */
export function profileFromSpecificationId(specificationId: string | undefined): EinvoiceProfile {
  const id = specificationId?.trim();
  if (!id) return { family: 'unknown', label: 'unbekanntes Profil', isInvoiceInGermany: true };
  const lower = id.toLowerCase();
  const known = (profile: Omit<EinvoiceProfile, 'specificationId' | 'isInvoiceInGermany'>, invoice = true) => ({
    ...profile,
    specificationId: id,
    isInvoiceInGermany: invoice,
  });

  const xrechnung = /xrechnung_(\d+(?:\.\d+)*)/.exec(lower);
  if (xrechnung?.[1]) {
    const version = xrechnung[1];
    const extension = lower.includes('#conformant#') && lower.includes('extension');
    return known({ family: 'xrechnung', version, label: `XRechnung ${version}${extension ? ' Extension' : ''}` });
  }
  if (lower.includes('urn:fdc:peppol.eu:2017:poacc:billing:3.0')) {
    return known({ family: 'peppol', label: 'Peppol BIS Billing 3.0' });
  }
  // Factur-X 1.0 / ZUGFeRD 2.1+ ("factur-x.eu:1p0") and ZUGFeRD 2.0 ("zugferd.de:2p0") profile names.
  const facturX = /(factur-x\.eu:1p0|zugferd\.de:2p0):(minimum|basicwl|basic|extended|en16931|comfort)\b/.exec(lower);
  if (facturX?.[1] && facturX[2]) {
    const { family, name } = FACTUR_X_PROFILES[facturX[2] as keyof typeof FACTUR_X_PROFILES];
    const prefix = facturX[1].startsWith('zugferd') ? 'ZUGFeRD 2.0' : 'Factur-X/ZUGFeRD';
    const label = family === 'en16931' ? 'EN 16931 (COMFORT)' : `${prefix} ${name}`;
    return known({ family, label }, family !== 'minimum' && family !== 'basic_wl');
  }
  if (/^urn:cen\.eu:en16931:2017(?:$|#compliant#urn:cen\.eu:en16931:2017$)/.test(lower)) {
    return known({ family: 'en16931', label: 'EN 16931 (COMFORT)' });
  }
  if (lower.startsWith('urn:cen.eu:en16931:2017')) {
    // Another CIUS or extension of EN 16931: name it by its identifier.
    return known({
      family: 'unknown',
      label: `EN 16931 (${id.slice('urn:cen.eu:en16931:2017'.length).replace(/^#\w+#/, '')})`,
    });
  }
  return known({ family: 'unknown', label: id.slice(0, 120) });
}
