// Reading a CSV file that a person downloaded from another site: csv-parse (streaming-capable,
// RFC 4180 quoting, line breaks inside quoted fields) over text decoded from UTF-8, or from
// Windows-1252 when the bytes are not valid UTF-8 (older IMDb exports). Each record keeps the line it
// starts on (counted from 1, the header included) so problems can be reported as FILE:LINE: reason.
import { parse } from 'csv-parse/sync';

export interface CsvRecord {
  line: number;
  fields: Record<string, string>;
}

export interface LineProblem {
  file: string;
  line: number;
  reason: string;
}

export interface CsvFile {
  header: string[];
  records: CsvRecord[];
  problems: LineProblem[];
  /** Which text encoding the bytes were read as. */
  encoding: 'utf-8' | 'windows-1252';
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeText(bytes: Uint8Array): { text: string; encoding: CsvFile['encoding'] } {
  try {
    return { text: strictUtf8.decode(bytes).replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** Parses a whole CSV with a header row. `required` columns must be in the header, else it throws. */
export function readCsv(bytes: Uint8Array, file: string, required: readonly string[]): CsvFile {
  const { text, encoding } = decodeText(bytes);
  const problems: LineProblem[] = [];
  // Letterboxd's older list files start with a blank line; the header is the first non-blank line.
  const lead = /^(\s*\r?\n)*/.exec(text)![0];
  const leadLines = lead.split('\n').length - 1;
  const body = text.slice(lead.length);
  if (body.trim() === '') return { header: [], records: [], problems: [{ file, line: 1, reason: 'the file is empty' }], encoding };
  type Raw = { record: string[]; info: { lines: number }; raw: string };
  let header: string[] | null = null;
  const records: CsvRecord[] = [];
  const rows = parse(body, {
    info: true,
    raw: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      const e = err as (Error & { lines?: number }) | undefined;
      problems.push({ file, line: (e?.lines ?? 0) + leadLines, reason: `not valid CSV (${e?.message.replace(/ at line \d+.*$/, '') ?? 'unreadable'})` });
    },
  }) as unknown as Raw[];
  for (const row of rows) {
    // `raw` starts with the blank lines skipped before the record and ends with its line break.
    const raw = row.raw.replace(/^(\r?\n)+/, '').replace(/\r?\n$/, '');
    const line = row.info.lines - (raw.match(/\n/g)?.length ?? 0) + leadLines;
    if (header === null) {
      header = row.record.map((h) => h.trim());
      const missing = required.filter((c) => !header!.includes(c));
      if (missing.length) throw new Error(`${file}: the header lacks the column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')}`);
      continue;
    }
    if (row.record.length !== header.length) {
      problems.push({ file, line, reason: `has ${row.record.length} fields where the header has ${header.length}` });
      continue;
    }
    const fields: Record<string, string> = {};
    header.forEach((h, i) => (fields[h] = row.record[i]!));
    records.push({ line, fields });
  }
  return { header: header ?? [], records, problems, encoding };
}
