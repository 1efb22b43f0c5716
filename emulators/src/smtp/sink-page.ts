import type { ReceivedMail } from './received-mail.js';

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );

/** The sink's HTML page: every received mail, newest first, with its full text. */
export function renderSinkPage(mails: readonly ReceivedMail[]): string {
  const items = [...mails]
    .reverse()
    .map(
      (mail) => `<article>
  <h2>#${mail.seq} ${escape(mail.subject)}</h2>
  <p><strong>An:</strong> ${escape(mail.envelope.to.join(', '))} · <strong>Von:</strong> ${escape(mail.from)} ·
     <strong>Empfangen:</strong> ${escape(mail.receivedAt)}</p>
  <pre>${escape(mail.text)}</pre>
</article>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>SMTP-Sink (Demo)</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
article{border:1px solid #ccc;border-radius:6px;padding:0 1rem;margin:1rem 0}pre{white-space:pre-wrap}</style>
</head><body><h1>SMTP-Sink: empfangene E-Mails (${mails.length})</h1>
<p>Demo-Postausgang von ecm365. <a href="mails.json">JSON</a></p>
${items || '<p>Noch keine E-Mails.</p>'}
</body></html>`;
}
