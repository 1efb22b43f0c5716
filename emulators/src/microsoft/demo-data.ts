import type { MicrosoftAccount } from './types.js';

/** The demo organisation's tenant GUID (fixed, so demo tokens and msal caches stay stable across restarts). */
export const CONTOSO_TENANT_ID = '71504dc3-e810-4f09-95aa-5960b9354205';
/** A second organisation, for "account of another tenant" cases. */
export const FABRIKAM_TENANT_ID = '889845bd-2dd3-4789-afb5-17fcdea8d064';
/** Microsoft's real tenant id of personal Microsoft accounts (the `consumers` tenant). */
export const CONSUMER_TENANT_ID = '9188040d-6c67-4c5b-b112-36a304b66dad';

export const DEMO_SHARED_MAILBOXES: string[] = ['rechnungen@contoso.example'];

export const DEMO_MICROSOFT_ACCOUNTS: MicrosoftAccount[] = [
  {
    upn: 'admin@contoso.example',
    displayName: 'Anna Admin',
    oid: '9fbf7154-ff88-4fac-9676-e456169129c5',
    tenantId: CONTOSO_TENANT_ID,
    kind: 'work',
    mailboxAccess: ['rechnungen@contoso.example'],
    tenantAdmin: true,
  },
  {
    upn: 'ohne-zugriff@contoso.example',
    displayName: 'Otto Ohnezugriff',
    oid: 'd20e6052-1c91-460f-bc65-37abdddc6e8e',
    tenantId: CONTOSO_TENANT_ID,
    kind: 'work',
    mailboxAccess: [],
  },
  {
    upn: 'it@fabrikam.example',
    displayName: 'Fiona Fabrikam',
    oid: '9a5b91df-a778-42ba-82ba-5ac7c2962fd6',
    tenantId: FABRIKAM_TENANT_ID,
    kind: 'work',
    mailboxAccess: [],
    tenantAdmin: true,
  },
  {
    upn: 'privat@outlook.example',
    displayName: 'Paula Privat',
    // Personal accounts have oids of this shape (leading zeros).
    oid: '00000000-0000-0000-6d2a-4f1c8e0b9a37',
    tenantId: CONSUMER_TENANT_ID,
    kind: 'personal',
    mailboxAccess: [],
  },
];
