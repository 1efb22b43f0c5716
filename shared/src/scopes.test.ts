import { describe, expect, it } from 'vitest';
import { displayScopes, missingScopes, resourceQualifiedScopes, scopeKey } from './scopes.js';

describe('scopes as Microsoft writes them', () => {
  it('compares a permission short, resource-qualified and in any case as the same permission', () => {
    const spellings = [
      'Mail.ReadWrite.Shared',
      'mail.readwrite.shared',
      'https://graph.microsoft.com/Mail.ReadWrite.Shared',
      'https://graph.microsoft.com/mail.readwrite.shared',
      'HTTPS://GRAPH.MICROSOFT.COM/MAIL.READWRITE.SHARED',
      '00000003-0000-0000-c000-000000000000/Mail.ReadWrite.Shared',
    ];
    expect(new Set(spellings.map(scopeKey))).toEqual(new Set(['mail.readwrite.shared']));
    for (const granted of spellings) {
      expect(missingScopes(['openid', granted, 'User.Read'], ['Mail.ReadWrite.Shared']), granted).toEqual([]);
    }
  });

  it('names what is missing, in the spelling it was required', () => {
    expect(missingScopes(['https://graph.microsoft.com/user.read', 'openid'], ['Mail.ReadWrite.Shared'])).toEqual([
      'Mail.ReadWrite.Shared',
    ]);
    // Another permission of the same family is not the one required.
    expect(missingScopes(['Mail.Read.Shared'], ['Mail.ReadWrite.Shared'])).toEqual(['Mail.ReadWrite.Shared']);
    expect(missingScopes(['Mail.ReadWrite.SharedX'], ['Mail.ReadWrite.Shared'])).toEqual(['Mail.ReadWrite.Shared']);
  });

  it('understands .default: granted, it covers everything; required, any Graph permission covers it', () => {
    expect(missingScopes(['https://graph.microsoft.com/.default'], ['Mail.ReadWrite.Shared'])).toEqual([]);
    expect(missingScopes(['User.Read'], ['https://graph.microsoft.com/.default'])).toEqual([]);
    expect(missingScopes(['openid', 'profile'], ['https://graph.microsoft.com/.default'])).toEqual([
      'https://graph.microsoft.com/.default',
    ]);
  });

  it('shows each permission once, short and in our spelling', () => {
    expect(
      displayScopes([
        'https://graph.microsoft.com/user.read',
        'User.Read',
        'https://graph.microsoft.com/mail.readwrite.shared',
        'openid',
        'https://graph.microsoft.com/Calendars.Read',
      ]),
    ).toEqual(['User.Read', 'Mail.ReadWrite.Shared', 'openid', 'Calendars.Read']);
  });

  it('qualifies Graph permissions for the admin-consent link, leaving OIDC scopes out', () => {
    expect(
      resourceQualifiedScopes(['openid', 'profile', 'offline_access', 'User.Read', 'mail.readwrite.shared']),
    ).toEqual(['https://graph.microsoft.com/User.Read', 'https://graph.microsoft.com/Mail.ReadWrite.Shared']);
    expect(resourceQualifiedScopes(['openid'])).toEqual(['https://graph.microsoft.com/.default']);
  });
});
