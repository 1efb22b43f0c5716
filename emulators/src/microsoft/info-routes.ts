import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from './context.js';
import { messagePage } from './html-pages.js';
import { param } from './http.js';

/** Small pages around the protocol: Entra's error lookup (`error_uri`), logout, and an index. */
export function registerInfoRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get('/error', async (req, reply) => {
    const code = param(req.query, 'code') ?? '';
    const title = /^\d{1,9}$/.test(code) ? `Fehlercode AADSTS${code}` : 'Fehlercode';
    return reply
      .type('text/html; charset=utf-8')
      .send(
        messagePage(
          title,
          'Dies ist der lokale Microsoft-Emulator. Die Bedeutung des Codes steht in der ' +
            'Fehlerbeschreibung, die die Anwendung erhalten hat, und in der Dokumentation von Microsoft Entra ID.',
        ),
      );
  });

  app.get('/:tenant/oauth2/v2.0/logout', async (req, reply) => {
    const target = param(req.query, 'post_logout_redirect_uri');
    // Only registered redirect URIs are followed, so the emulator is no open redirector.
    if (target && ctx.directory.clients.some((client) => client.redirectUris.includes(target))) {
      return reply.redirect(target, 302);
    }
    return reply
      .type('text/html; charset=utf-8')
      .send(messagePage('Abgemeldet', 'Sie haben sich abgemeldet. Sie können dieses Fenster jetzt schließen.'));
  });

  app.get('/', async () => ({
    name: 'ecm365 Microsoft identity platform + Graph emulator',
    authority: `${ctx.origin}/organizations`,
    graph: `${ctx.origin}/v1.0`,
    controls: `${ctx.origin}/_emulator/stats`,
  }));
}
