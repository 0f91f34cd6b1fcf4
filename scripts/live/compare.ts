// Compares a JSON body with the documented one, and shows either without the account's data.
//
// The rule: a value inside a list, or in the record a success answers with, is the account's data
// (its clients, the target it read), compared by type only; every
// other documented value is fixed by the contract and compared exactly. A field the contract does
// not document is a difference, and is shown by its type, never its value.

/** One place where the real answer differs from the documented one, both sides already shown safely. */
export interface Difference {
  /** Where, like `status`, `body.message` or `body.clients[].createdAt`. */
  where: string;
  documented: string;
  real: string;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `string`, `number`, `boolean`, `null`, `a list` or `an object`. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (isObject(value)) return 'an object';
  return typeof value;
}

const MAX_SHOWN = 120;

/** A scalar as JSON, cut short when long. */
function showScalar(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

/** A value by its type only, objects and lists by their shape: `{"a": string}`, `[number ×2]`. */
export function shapeOf(value: unknown): string {
  if (Array.isArray(value)) return listOf(value.map(shapeOf));
  if (isObject(value))
    return `{${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}: ${shapeOf(item)}`)
      .join(', ')}}`;
  return kindOf(value);
}

function listOf(items: readonly string[]): string {
  if (items.length === 0) return '[]';
  const distinct = [...new Set(items)];
  return `[${distinct.join(' | ')} ×${items.length}]`;
}

const UNDOCUMENTED = Symbol('undocumented');

/** The real body shown against the documented one: fixed values as they are, the account's data and undocumented fields by type. */
export function showReal(real: unknown, documented: unknown, inList = false, dataKeys: readonly string[] = []): string {
  if (documented === UNDOCUMENTED) return shapeOf(real);
  if (dataKeys.length && isObject(documented) && isObject(real))
    return `{${Object.entries(real)
      .map(
        ([key, item]) =>
          `${JSON.stringify(key)}: ${showReal(item, key in documented ? documented[key] : UNDOCUMENTED, dataKeys.includes(key))}`,
      )
      .join(', ')}}`;
  if (Array.isArray(documented) && Array.isArray(real))
    return listOf(real.map((item) => showReal(item, documented[0] ?? UNDOCUMENTED, true)));
  if (isObject(documented) && isObject(real)) {
    const fields = Object.entries(real).map(
      ([key, item]) => `${JSON.stringify(key)}: ${showReal(item, key in documented ? documented[key] : UNDOCUMENTED, inList)}`,
    );
    return `{${fields.join(', ')}}`;
  }
  if (inList || Array.isArray(real) || isObject(real)) return shapeOf(real);
  return showScalar(real);
}

/** The documented body shown the same way: fixed values as they are, list items and the account's records by type. */
export function showDocumented(documented: unknown, inList = false, dataKeys: readonly string[] = []): string {
  if (dataKeys.length && isObject(documented))
    return `{${Object.entries(documented)
      .map(([key, item]) => `${JSON.stringify(key)}: ${showDocumented(item, dataKeys.includes(key))}`)
      .join(', ')}}`;
  if (Array.isArray(documented)) return documented.length ? `[${showDocumented(documented[0], true)}, …]` : '[]';
  if (isObject(documented))
    return `{${Object.entries(documented)
      .map(([key, item]) => `${JSON.stringify(key)}: ${showDocumented(item, inList)}`)
      .join(', ')}}`;
  return inList ? kindOf(documented) : showScalar(documented);
}

const NONE: ReadonlySet<string> = new Set();

/**
 * Every difference between a real JSON value and the documented one, by the rule above; `dataKeys`
 * are top-level fields holding the account's data, and `optional` the places (`body.proxy.proxyAlias`)
 * the contract lets an answer leave out.
 */
export function compareJson(
  documented: unknown,
  real: unknown,
  where = 'body',
  inList = false,
  dataKeys: readonly string[] = [],
  optional: ReadonlySet<string> = NONE,
): Difference[] {
  if (dataKeys.length && isObject(documented) && isObject(real)) {
    const differences: Difference[] = [];
    for (const [key, value] of Object.entries(documented)) {
      const data = dataKeys.includes(key);
      if (!(key in real)) {
        if (!optional.has(`${where}.${key}`))
          differences.push({ where: `${where}.${key}`, documented: data ? kindOf(value) : showDocumented(value), real: '(absent)' });
      } else differences.push(...compareJson(value, real[key], `${where}.${key}`, data, [], optional));
    }
    for (const key of Object.keys(real))
      if (!(key in documented)) differences.push({ where: `${where}.${key}`, documented: '(absent)', real: shapeOf(real[key]) });
    return differences;
  }
  if (Array.isArray(documented)) {
    if (!Array.isArray(real)) return [{ where, documented: 'a list', real: kindOf(real) }];
    const sample = documented[0];
    if (sample === undefined) return [];
    const found = new Map<string, Difference>();
    for (const item of real)
      for (const difference of compareJson(sample, item, `${where}[]`, true, [], optional)) found.set(difference.where, difference);
    return [...found.values()];
  }
  if (isObject(documented)) {
    if (!isObject(real)) return [{ where, documented: 'an object', real: kindOf(real) }];
    const differences: Difference[] = [];
    for (const [key, value] of Object.entries(documented)) {
      const at = `${where}.${key}`;
      if (!(key in real)) {
        if (!optional.has(at))
          differences.push({ where: at, documented: inList ? kindOf(value) : showDocumented(value), real: '(absent)' });
      } else differences.push(...compareJson(value, real[key], at, inList, [], optional));
    }
    for (const key of Object.keys(real)) {
      if (!(key in documented)) differences.push({ where: `${where}.${key}`, documented: '(absent)', real: shapeOf(real[key]) });
    }
    return differences;
  }
  if (kindOf(documented) !== kindOf(real))
    return [{ where, documented: inList ? kindOf(documented) : showScalar(documented), real: kindOf(real) }];
  if (!inList && documented !== real) return [{ where, documented: showScalar(documented), real: showScalar(real) }];
  return [];
}
