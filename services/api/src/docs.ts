// A readable page of the OpenAPI document, rendered on the server (no scripts, nothing fetched).
type Doc = { info: { title: string; version: string; description: string }; paths: Record<string, Record<string, any>> };

const esc = (s: unknown) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function docsPage(doc: Doc): string {
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const params = (op.parameters ?? []).map((p: any) => `<li><code>${esc(p.name)}</code> (${esc(p.in)})</li>`).join('');
      const responses = Object.entries(op.responses ?? {})
        .map(([code, r]: [string, any]) => `<li><b>${esc(code)}</b> ${esc(r.description)}</li>`)
        .join('');
      return `<section><h2><span class="m">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h2>
<p>${esc(op.summary)}${op.description ? `: ${esc(op.description)}` : ''}</p>
<p class="auth">${op.security?.length === 0 ? 'No token needed.' : 'Bearer token required.'}</p>
${params ? `<h3>Parameters</h3><ul>${params}</ul>` : ''}
${op.requestBody ? `<h3>Body</h3><pre>${esc(JSON.stringify(op.requestBody.content, null, 1))}</pre>` : ''}
<h3>Responses</h3><ul>${responses}</ul></section>`;
    }),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(doc.info.title)} API</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
section{border-top:1px solid #ddd;padding:.5rem 0}.m{background:#234;color:#fff;padding:0 .4rem;border-radius:3px}
pre{background:#f6f6f6;padding:.5rem;overflow:auto;max-height:12rem}.auth{color:#666}</style></head>
<body><h1>${esc(doc.info.title)} <small>${esc(doc.info.version)}</small></h1><p>${esc(doc.info.description)}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>${ops.join('\n')}</body></html>`;
}
