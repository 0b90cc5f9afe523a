/**
 * A column as the text its GraphQL scalar serialises to, so that the JSON PostgreSQL builds
 * is already the response (and a response can skip graphql-js's per-field walk):
 * DateTime as `toUtcIso` writes it (UTC, `Z`, at least milliseconds, PostgreSQL's
 * microseconds kept), Money with at least two decimals, Decimal exactly as stored.
 */
export function outputSql(column: string, sqlType: string, fieldType?: string): string {
  if (fieldType === 'money') {
    return `(CASE WHEN scale(trim_scale(${column})) < 2 THEN round(${column}, 2) ELSE trim_scale(${column}) END)::text`;
  }
  if (sqlType === 'numeric') return `${column}::text`;
  if (sqlType === 'timestamptz') {
    // Milliseconds, then the remaining microsecond digits without trailing zeros.
    const utc = `${column} AT TIME ZONE 'UTC'`;
    return `(to_char(${utc}, 'YYYY-MM-DD"T"HH24:MI:SS.MS') || rtrim(substr(to_char(${utc}, 'US'), 4), '0') || 'Z')`;
  }
  return column;
}
