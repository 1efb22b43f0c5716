import { describe, expect, it } from 'vitest';
import { profileFromSpecificationId } from './einvoice-profile.js';

describe('profileFromSpecificationId', () => {
  it.each([
    ['urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0', 'xrechnung', 'XRechnung 3.0', true],
    ['urn:cen.eu:en16931:2017#compliant#urn:xoev-de:kosit:standard:xrechnung_2.3', 'xrechnung', 'XRechnung 2.3', true],
    ['urn:cen.eu:en16931:2017#compliant#urn:xoev-de:kosit:standard:xrechnung_2.1', 'xrechnung', 'XRechnung 2.1', true],
    [
      'urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0#conformant#urn:xeinkauf.de:kosit:extension:xrechnung_3.0',
      'xrechnung',
      'XRechnung 3.0 Extension',
      true,
    ],
    ['urn:cen.eu:en16931:2017', 'en16931', 'EN 16931 (COMFORT)', true],
    ['urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic', 'basic', 'Factur-X/ZUGFeRD BASIC', true],
    ['urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended', 'extended', 'Factur-X/ZUGFeRD EXTENDED', true],
    ['urn:factur-x.eu:1p0:minimum', 'minimum', 'Factur-X/ZUGFeRD MINIMUM', false],
    ['urn:factur-x.eu:1p0:basicwl', 'basic_wl', 'Factur-X/ZUGFeRD BASIC WL', false],
    ['urn:zugferd.de:2p0:basicwl', 'basic_wl', 'ZUGFeRD 2.0 BASIC WL', false],
    ['urn:cen.eu:en16931:2017#compliant#urn:zugferd.de:2p0:basic', 'basic', 'ZUGFeRD 2.0 BASIC', true],
    [
      'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0',
      'peppol',
      'Peppol BIS Billing 3.0',
      true,
    ],
  ] as const)('reads %s as %s', (id, family, label, isInvoiceInGermany) => {
    expect(profileFromSpecificationId(id)).toMatchObject({ family, label, isInvoiceInGermany, specificationId: id });
  });

  it('names the version of XRechnung it finds', () => {
    expect(
      profileFromSpecificationId('urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0'),
    ).toMatchObject({ version: '3.0' });
  });

  it('keeps an unknown identifier readable instead of guessing a profile', () => {
    expect(profileFromSpecificationId('urn:example:custom-profile')).toEqual({
      family: 'unknown',
      label: 'urn:example:custom-profile',
      specificationId: 'urn:example:custom-profile',
      isInvoiceInGermany: true,
    });
    expect(profileFromSpecificationId(undefined)).toMatchObject({ family: 'unknown', label: 'unbekanntes Profil' });
    expect(profileFromSpecificationId('urn:cen.eu:en16931:2017#compliant#urn:other:cius')).toMatchObject({
      family: 'unknown',
      label: 'EN 16931 (urn:other:cius)',
    });
  });
});
