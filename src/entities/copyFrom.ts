import type { Client, Connection } from 'pg';

/** The part of pg's connection a COPY FROM STDIN needs (pg/lib/connection.js). */
interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

const CHUNK_BYTES = 64 * 1024;

/**
 * Runs `COPY ... FROM STDIN` on `client` with `payload` (COPY text format) as its input,
 * through pg's submittable query API (the mechanism `pg-copy-streams` uses), and resolves
 * with the number of rows copied.
 */
export function copyFrom(client: Client, sql: string, payload: string): Promise<number> {
  return new Promise((resolve, reject) => {
    client.query(new CopyFromStdin(sql, Buffer.from(payload, 'utf8'), (error, rows) => (error ? reject(error) : resolve(rows))));
  });
}

class CopyFromStdin {
  private rowCount = 0;

  constructor(
    private readonly text: string,
    private readonly payload: Buffer,
    readonly callback: (error: Error | null, rows: number) => void,
  ) {}

  submit(connection: Connection): void {
    (connection as unknown as CopyConnection).query(this.text);
  }

  handleCopyInResponse(connection: CopyConnection): void {
    for (let start = 0; start < this.payload.length; start += CHUNK_BYTES) {
      connection.sendCopyFromChunk(this.payload.subarray(start, start + CHUNK_BYTES));
    }
    connection.endCopyFrom();
  }

  handleCommandComplete(message: { text?: string }): void {
    this.rowCount = Number(/^COPY (\d+)/.exec(message.text ?? '')?.[1] ?? 0);
  }

  handleReadyForQuery(): void {
    this.callback(null, this.rowCount);
  }

  /** pg drops the active query before the ready message that follows an error: answer now. */
  handleError(error: Error): void {
    this.callback(error, 0);
  }

  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}
