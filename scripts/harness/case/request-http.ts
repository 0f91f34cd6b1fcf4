// The raw HTTP request an example keeps for the guide (`request.http`), parsed so the harness can
// check that the programs really send what the guide shows.
import path from 'node:path';
import { readExampleFile } from '../../manifest/example-files.ts';

/** File name of an example's raw HTTP request. */
export const RAW_REQUEST_FILE = 'request.http';

/** A parsed raw request: its request line and header names and values. */
export interface RawRequest {
  file: string;
  method: string;
  path: string;
  headers: Array<[name: string, value: string]>;
}

/** Parses the text of a raw HTTP request; throws naming the file, the line and what was expected. */
export function parseRawRequest(file: string, text: string): RawRequest {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const requestLine = /^([A-Z]+) (\/\S*) HTTP\/1\.[01]$/.exec(lines[0] ?? '');
  if (!requestLine) {
    throw new Error(`${file}:1: expected a request line like "GET /api/clients HTTP/1.1", found ${JSON.stringify(lines[0] ?? '')}`);
  }
  const headers: Array<[string, string]> = [];
  for (const [index, line] of lines.slice(1).entries()) {
    if (line === '') break;
    const header = /^([A-Za-z0-9-]+):[ \t]*(.*)$/.exec(line);
    if (!header) throw new Error(`${file}:${index + 2}: expected a header line like "Name: value", found ${JSON.stringify(line)}`);
    headers.push([header[1] as string, header[2] as string]);
  }
  return { file, method: requestLine[1] as string, path: requestLine[2] as string, headers };
}

/** Reads `request.http` from an example folder when it has one (undefined otherwise). */
export async function readRawRequest(exampleDir: string, otherFiles: readonly string[]): Promise<RawRequest | undefined> {
  if (!otherFiles.includes(RAW_REQUEST_FILE)) return undefined;
  const file = path.join(exampleDir, RAW_REQUEST_FILE);
  return parseRawRequest(file, await readExampleFile(file));
}
