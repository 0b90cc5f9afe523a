import type { TestServer } from './testServer';

/** POSTs a file to /uploads (raw body, or as a multipart form) and returns the status and answer. */
export async function upload(t: TestServer, content: Buffer | string, options: { token?: string | null; multipart?: boolean } = {}) {
  const bearer = options.token === undefined ? await t.token() : options.token;
  const headers: Record<string, string> = bearer ? { authorization: `Bearer ${bearer}` } : {};
  let body: FormData | string | Uint8Array;
  if (options.multipart) {
    const form = new FormData();
    form.append('file', new Blob([content]), 'data.csv');
    body = form;
  } else {
    headers['content-type'] = 'text/csv';
    body = typeof content === 'string' ? content : new Uint8Array(content);
  }
  const response = await fetch(new URL('/uploads', t.server.url), { method: 'POST', headers, body });
  return { status: response.status, body: (await response.json()) as { upload?: string; error?: { code: string } } };
}

/** Uploads and returns the upload id, failing the test otherwise. */
export async function uploaded(t: TestServer, content: Buffer | string): Promise<string> {
  const result = await upload(t, content);
  if (result.status !== 201 || !result.body.upload) throw new Error(`upload failed: ${JSON.stringify(result)}`);
  return result.body.upload;
}

/** GETs a download URL (relative to the server) with the default token unless another is given. */
export async function download(t: TestServer, url: string, token?: string | null) {
  const bearer = token === undefined ? await t.token() : token;
  const response = await fetch(new URL(url, t.server.url), { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}
