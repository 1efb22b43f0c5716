import { generate } from 'selfsigned';

export interface EmulatorTls {
  key: string;
  cert: string;
  /** What clients trust. */
  ca: string;
}

/**
 * msal-node refuses `http://` authorities, so the emulator speaks TLS. We mint a throw-away CA and a leaf for
 * 127.0.0.1/localhost (rather than one self-signed leaf) so the CA can also be imported into a browser's trust
 * store, where a self-signed leaf would be rejected. Nothing is written to disk.
 */
export async function generateEmulatorTls(): Promise<EmulatorTls> {
  const notAfterDate = new Date(Date.now() + 365 * 24 * 3600 * 1000);
  const ca = await generate([{ name: 'commonName', value: 'ecm365 Microsoft emulator CA (test only)' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const leaf = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 2, value: 'localhost' },
        ],
      },
    ],
  });
  return { key: leaf.private, cert: leaf.cert, ca: ca.cert };
}
