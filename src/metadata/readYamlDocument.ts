import { LineCounter, parseDocument } from 'yaml';
import type { Report } from './formatPath';

/** The document's value, or `ok: false` when the text is not valid YAML (already reported). */
export type YamlReadResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false };

/**
 * Parses one YAML document (YAML 1.2 core schema, duplicate keys rejected), reporting every
 * syntax error at the root path with its line and column.
 */
export function readYamlDocument(text: string, report: Report): YamlReadResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const { line, col } = lineCounter.linePos(error.pos[0]);
      const message = error.message.split('\n')[0] ?? error.message;
      report([], `YAML syntax error at line ${line}, column ${col}: ${message}`);
    }
    return { ok: false };
  }
  try {
    return { ok: true, value: document.toJS() };
  } catch (error) {
    report([], `YAML error: ${error instanceof Error ? error.message : String(error)}`);
    return { ok: false };
  }
}
