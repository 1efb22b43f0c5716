/** The page frame of the emulator's sign-in pages: a card in Microsoft's style, marked as an emulator. */

/** A string that is already safe HTML. Everything else passed to `html` is escaped. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

type Interpolation = string | number | SafeHtml | readonly SafeHtml[] | undefined | null | false;

/** Tagged template that escapes interpolated values unless they are SafeHtml (or arrays of it). */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    if (Array.isArray(value)) out += value.map((item: SafeHtml) => item.value).join('');
    else if (value instanceof SafeHtml) out += value.value;
    else if (value !== undefined && value !== null && value !== false) out += escapeHtml(String(value));
    out += strings[index + 1] ?? '';
  });
  return new SafeHtml(out);
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:#f2f2f2;
  font-family:"Segoe UI","Segoe UI Web",-apple-system,"Helvetica Neue",Arial,sans-serif;color:#1b1b1b;font-size:15px}
main{background:#fff;width:100%;max-width:460px;padding:44px;box-shadow:0 2px 6px rgba(0,0,0,.2);margin:24px}
.brand{display:flex;align-items:center;gap:8px;font-size:17px;font-weight:600;color:#5e5e5e;margin-bottom:16px}
.badge{margin-left:auto;font-size:11px;font-weight:600;color:#8a3b00;background:#fff4ce;border:1px solid #f3d08a;
  padding:2px 6px;border-radius:2px;text-transform:uppercase;letter-spacing:.04em}
h1{font-size:24px;font-weight:600;margin:8px 0 4px}
h2{font-size:15px;font-weight:600;margin:24px 0 8px}
p{margin:8px 0;line-height:1.4}
.sub{color:#505050}
fieldset{border:0;padding:0;margin:16px 0 0}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.account{display:flex;align-items:center;gap:12px;padding:10px 8px;border-top:1px solid #e6e6e6;cursor:pointer}
.account:last-child{border-bottom:1px solid #e6e6e6}
.account:hover{background:#f2f2f2}
.account input{margin:0}
.avatar{flex:0 0 36px;height:36px;border-radius:50%;background:#0067b8;color:#fff;display:flex;align-items:center;
  justify-content:center;font-weight:600;font-size:13px}
.who{display:flex;flex-direction:column;min-width:0}
.who .name{font-weight:600}
.who .upn,.who .kind{font-size:13px;color:#505050;overflow-wrap:anywhere}
ul.permissions{padding-left:20px;margin:8px 0}
ul.permissions li{margin:6px 0}
.fine{font-size:13px;color:#505050}
.hint{color:#a80000;font-weight:600}
.buttons{display:flex;flex-direction:row-reverse;gap:8px;margin-top:24px}
button{min-width:108px;padding:6px 12px;font:inherit;border:1px solid transparent;cursor:pointer}
button.primary{background:#0067b8;color:#fff}
button.primary:hover{background:#005da6}
button.secondary{background:#ccc;color:#000}
button.secondary:hover{background:#b8b8b8}
code{font-family:Consolas,monospace;font-size:13px;background:#f2f2f2;padding:1px 3px}
dl{font-size:13px;color:#505050;display:grid;grid-template-columns:auto 1fr;gap:4px 12px;margin-top:16px}
dd{margin:0;overflow-wrap:anywhere}
`;

const LOGO = html`<svg width="21" height="21" viewBox="0 0 21 21" aria-hidden="true">
  <rect width="10" height="10" fill="#f25022" />
  <rect x="11" width="10" height="10" fill="#7fba00" />
  <rect y="11" width="10" height="10" fill="#00a4ef" />
  <rect x="11" y="11" width="10" height="10" fill="#ffb900" />
</svg>`;

export function page(title: string, body: SafeHtml): string {
  return html`<!doctype html>
    <html lang="de">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${title}</title>
        <style>
          ${new SafeHtml(STYLE)}
        </style>
      </head>
      <body>
        <main>
          <div class="brand">
            ${LOGO}<span>Microsoft</span
            ><span class="badge" title="Lokaler Emulator für Entwicklung und Tests">Emulator</span>
          </div>
          ${body}
        </main>
      </body>
    </html>`.value;
}
