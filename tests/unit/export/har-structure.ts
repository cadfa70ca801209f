/**
 * A structural check of HAR 1.2 documents: every field the spec marks required, with its
 * type (after http://www.softwareishard.com/blog/har-12-spec/ and the har-schema package).
 * Returns the list of problems, empty when the document is valid. Not a test file itself.
 */
type Json = Record<string, unknown>;

export function harProblems(doc: unknown): string[] {
  const problems: string[] = [];
  const need = (cond: boolean, what: string) => {
    if (!cond) problems.push(what);
  };
  const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
  const isNum = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  const isStr = (v: unknown) => typeof v === 'string';
  const nameValues = (v: unknown, where: string) => {
    need(Array.isArray(v), `${where} is an array`);
    if (Array.isArray(v))
      v.forEach((nv, i) =>
        need(
          isObj(nv) && isStr(nv.name) && isStr(nv.value),
          `${where}[${i}] has name/value strings`,
        ),
      );
  };

  if (!isObj(doc) || !isObj(doc.log)) return ['log object'];
  const log = doc.log;
  need(log.version === '1.2', 'log.version is "1.2"');
  need(
    isObj(log.creator) && isStr(log.creator.name) && isStr(log.creator.version),
    'log.creator {name, version}',
  );
  need(Array.isArray(log.entries), 'log.entries array');
  const entries = Array.isArray(log.entries) ? log.entries : [];
  entries.forEach((entry: unknown, i) => {
    const at = `entries[${i}]`;
    if (!isObj(entry)) return need(false, `${at} object`);
    need(
      isStr(entry.startedDateTime) &&
        !Number.isNaN(Date.parse(entry.startedDateTime as string)) &&
        (entry.startedDateTime as string).includes('T'),
      `${at}.startedDateTime ISO 8601`,
    );
    need(isNum(entry.time) && (entry.time as number) >= 0, `${at}.time >= 0`);
    need(isObj(entry.cache), `${at}.cache object`);
    const req = entry.request;
    if (!isObj(req)) return need(false, `${at}.request object`);
    for (const key of ['method', 'url', 'httpVersion'])
      need(isStr(req[key]), `${at}.request.${key} string`);
    need(isStr(req.url) && /^[a-z]+:\/\//.test(req.url as string), `${at}.request.url absolute`);
    nameValues(req.cookies, `${at}.request.cookies`);
    nameValues(req.headers, `${at}.request.headers`);
    nameValues(req.queryString, `${at}.request.queryString`);
    need(isNum(req.headersSize) && isNum(req.bodySize), `${at}.request sizes numbers`);
    if (req.postData !== undefined)
      need(
        isObj(req.postData) && isStr(req.postData.mimeType) && isStr(req.postData.text),
        `${at}.request.postData {mimeType, text}`,
      );
    const res = entry.response;
    if (!isObj(res)) return need(false, `${at}.response object`);
    need(isNum(res.status), `${at}.response.status number`);
    for (const key of ['statusText', 'httpVersion', 'redirectURL'])
      need(isStr(res[key]), `${at}.response.${key} string`);
    nameValues(res.cookies, `${at}.response.cookies`);
    nameValues(res.headers, `${at}.response.headers`);
    need(
      isObj(res.content) && isNum(res.content.size) && isStr(res.content.mimeType),
      `${at}.response.content {size, mimeType}`,
    );
    need(isNum(res.headersSize) && isNum(res.bodySize), `${at}.response sizes numbers`);
    const t = entry.timings;
    if (!isObj(t)) return need(false, `${at}.timings object`);
    for (const key of ['send', 'wait', 'receive'])
      need(isNum(t[key]) && (t[key] as number) >= 0, `${at}.timings.${key} >= 0`);
    for (const key of ['blocked', 'dns', 'connect', 'ssl']) {
      if (t[key] !== undefined)
        need(isNum(t[key]) && (t[key] as number) >= -1, `${at}.timings.${key} >= -1`);
    }
    const phases = ['blocked', 'dns', 'connect', 'ssl', 'send', 'wait', 'receive'].reduce(
      (sum, key) => sum + Math.max(0, (t[key] as number | undefined) ?? 0),
      0,
    );
    need(
      Math.abs(phases - (entry.time as number)) < 0.01,
      `${at}.time equals the sum of its timings`,
    );
  });
  return problems;
}
