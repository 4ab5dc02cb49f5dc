// PDF parsing and rendering off the main thread. pdf.js (through pdf-parse) is synchronous in places,
// so a hostile PDF could block the event loop; here it can only block this thread, which the main
// side terminates after a hard timeout. Plain JavaScript so it runs under tsx, vitest and node alike.
// Protocol (one request at a time): { id, op: 'open', bytes, maxPages, maxPixels } -> { id, pages }
//                                   { id, op: 'render', page, scale } -> { id, data, width, height }
//                                   { id, op: 'release' } -> { id } (the thread then serves another document)
// Failures come back as { id, error: { code, message } } with a FailureCode.
import { parentPort } from 'node:worker_threads';
import { PDFParse, PasswordException } from 'pdf-parse';
import sharp from 'sharp';

/** @type {PDFParse | undefined} */
let parser;

function failure(err) {
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string' && err.readError) return err;
  if (err instanceof PasswordException || (err instanceof Error && err.name === 'PasswordException')) {
    return { code: 'encrypted_pdf', message: 'PDF is password-protected' };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'corrupt_file', message: `PDF could not be parsed: ${message.split('\n')[0]}` };
}

const refuse = (code, message) => ({ readError: true, code, message });

async function open({ bytes, maxPages, maxPixels }) {
  parser = new PDFParse({ data: bytes, verbosity: 0, isEvalSupported: false, maxImageSize: maxPixels });
  // Page count first (from the page tree only), so a huge document is refused before any page is loaded.
  const count = (await parser.getInfo({ parsePageInfo: false })).total;
  if (count < 1) throw refuse('no_pages', 'PDF has no pages');
  if (count > maxPages) throw refuse('too_many_pages', `PDF has ${count} pages (limit ${maxPages})`);
  const info = await parser.getInfo({ parsePageInfo: true });
  const text = await parser.getText();
  const pages = info.pages.map((p) => ({
    page: p.pageNumber,
    width: p.width,
    height: p.height,
    text: text.getPageText(p.pageNumber) ?? '',
  }));
  return { pages };
}

async function render({ page: pageNumber, scale }) {
  const doc = parser?.doc;
  if (!doc || typeof doc.getPage !== 'function' || !doc.canvasFactory) {
    // Public API fallback (slower: encodes a colour PNG first).
    const shot = await parser.getScreenshot({ partial: [pageNumber], scale, imageBuffer: true, imageDataUrl: false });
    const first = shot.pages[0];
    if (!first) throw refuse('corrupt_file', `PDF page ${pageNumber} could not be rendered`);
    return toGray(sharp(first.data));
  }
  const page = await doc.getPage(pageNumber);
  const viewport = page.getViewport({ scale });
  const w = Math.max(1, Math.round(viewport.width));
  const h = Math.max(1, Math.round(viewport.height));
  const cc = doc.canvasFactory.create(w, h);
  try {
    await page.render({ canvasContext: cc.context, viewport, canvas: cc.canvas }).promise;
    const rgba = cc.context.getImageData(0, 0, cc.canvas.width, cc.canvas.height).data;
    return toGray(
      sharp(Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength), {
        raw: { width: cc.canvas.width, height: cc.canvas.height, channels: 4 },
      }).flatten({ background: '#ffffff' }),
    );
  } finally {
    doc.canvasFactory.destroy(cc);
    page.cleanup();
  }
}

/** Drops the document so the thread can serve the next one. */
async function release() {
  const p = parser;
  parser = undefined;
  await p?.destroy();
  return {};
}

async function toGray(img) {
  const { data, info } = await img.greyscale().toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  // Copy into a buffer of its own so it can be transferred without copying again.
  const out = new Uint8Array(data.length);
  out.set(data);
  return { data: out, width: info.width, height: info.height };
}

parentPort.on('message', async (msg) => {
  try {
    const result = msg.op === 'open' ? await open(msg) : msg.op === 'release' ? await release() : await render(msg);
    parentPort.postMessage({ id: msg.id, ...result }, result.data ? [result.data.buffer] : []);
  } catch (err) {
    const f = failure(err);
    parentPort.postMessage({ id: msg.id, error: { code: f.code, message: f.message } });
  }
});
