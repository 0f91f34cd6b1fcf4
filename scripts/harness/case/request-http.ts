// The raw HTTP requests an example keeps for the guide (`request.http`), parsed so the harness can
// check that the programs really send what the guide shows. One request per step of the example,
// in order, separated by a line starting with `###` (as HTTP client files write it); each is a
// request line, its headers, and after a blank line its body, if any.
import path from 'node:path';
import { readExampleFile } from '../../manifest/example-files.ts';

/** File name of an example's raw HTTP request. */
export const RAW_REQUEST_FILE = 'request.http';

/** One raw request of the file. */
export interface RawHttpRequest {
  /** 1-based line of its request line. */
  line: number;
  method: string;
  path: string;
  headers: Array<[name: string, value: string]>;
  /** The text after the blank line, trimmed; absent when there is none. */
  body?: string;
}

/** A parsed `request.http`: its requests, in order. */
export interface RawRequest {
  file: string;
  requests: RawHttpRequest[];
}

/** Parses one request of the file whose first line is line `first`; throws naming the file, the line and what was expected. */
function parseOne(file: string, lines: readonly string[], first: number): RawHttpRequest {
  const requestLine = /^([A-Z]+) (\/\S*) HTTP\/1\.[01]$/.exec(lines[0] ?? '');
  if (!requestLine) {
    throw new Error(`${file}:${first}: expected a request line like "GET /api/clients HTTP/1.1", found ${JSON.stringify(lines[0] ?? '')}`);
  }
  const headers: Array<[string, string]> = [];
  let index = 1;
  for (; index < lines.length; index++) {
    const line = lines[index]!;
    if (line === '') break;
    const header = /^([A-Za-z0-9-]+):[ \t]*(.*)$/.exec(line);
    if (!header) throw new Error(`${file}:${first + index}: expected a header line like "Name: value", found ${JSON.stringify(line)}`);
    headers.push([header[1] as string, header[2] as string]);
  }
  const body = lines
    .slice(index + 1)
    .join('\n')
    .trim();
  return { line: first, method: requestLine[1] as string, path: requestLine[2] as string, headers, ...(body && { body }) };
}

/** Parses the text of a `request.http`; throws naming the file, the line and what was expected. */
export function parseRawRequest(file: string, text: string): RawRequest {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const requests: RawHttpRequest[] = [];
  let start = 0;
  for (let index = 0; index <= lines.length; index++) {
    if (index < lines.length && !lines[index]!.startsWith('###')) continue;
    let first = start;
    while (first < index && lines[first]!.trim() === '') first++;
    if (first < index || requests.length === 0) requests.push(parseOne(file, lines.slice(first, index), first + 1));
    start = index + 1;
  }
  return { file, requests };
}

/** Reads `request.http` from an example folder when it has one (undefined otherwise). */
export async function readRawRequest(exampleDir: string, otherFiles: readonly string[]): Promise<RawRequest | undefined> {
  if (!otherFiles.includes(RAW_REQUEST_FILE)) return undefined;
  const file = path.join(exampleDir, RAW_REQUEST_FILE);
  return parseRawRequest(file, await readExampleFile(file));
}
