// Finds, in a snippet's source, the usual ways of switching certificate checks off, so that the
// `tls-verify` check can name the line to remove.

/** One spelling that turns certificate verification off, and what to do instead. */
interface InsecureSpelling {
  pattern: RegExp;
  /** What the line does, e.g. "verify=False turns certificate checks off". */
  what: string;
  /** How to fix it. */
  fix: string;
}

/** A line of the source that turns certificate checks off. */
export interface InsecureTlsFinding {
  /** 1-based line number. */
  line: number;
  /** The line, trimmed and shortened. */
  text: string;
  what: string;
  fix: string;
}

const NODE_SPELLINGS: readonly InsecureSpelling[] = [
  {
    pattern: /NODE_TLS_REJECT_UNAUTHORIZED/,
    what: 'NODE_TLS_REJECT_UNAUTHORIZED turns certificate checks off for the whole process',
    fix: 'remove it; fetch checks certificates by default',
  },
  {
    pattern: /rejectUnauthorized\s*:\s*(?:false|0)\b/,
    what: 'rejectUnauthorized: false accepts any certificate',
    fix: 'remove the option',
  },
];

const PYTHON_SPELLINGS: readonly InsecureSpelling[] = [
  {
    pattern: /\bverify\s*=\s*(?:False|0)\b/,
    what: 'verify=False accepts any certificate',
    fix: 'remove it; requests checks certificates by default',
  },
  {
    pattern: /_create_unverified_context|\bCERT_NONE\b/,
    what: 'an unverified SSL context accepts any certificate',
    fix: 'use the default context',
  },
  { pattern: /check_hostname\s*=\s*False/, what: 'check_hostname = False accepts a certificate for any host', fix: 'remove it' },
  { pattern: /PYTHONHTTPSVERIFY/, what: 'PYTHONHTTPSVERIFY turns certificate checks off', fix: 'remove it' },
];

const GO_SPELLINGS: readonly InsecureSpelling[] = [
  {
    pattern: /InsecureSkipVerify\s*[:=]\s*true/,
    what: 'InsecureSkipVerify: true accepts any certificate',
    fix: 'remove the custom tls.Config; http.Client checks certificates by default',
  },
];

const JAVA_SPELLINGS: readonly InsecureSpelling[] = [
  {
    pattern: /\bX509(?:Extended)?TrustManager\b|\bTrustManager\s*\[\]/,
    what: "a hand-made TrustManager replaces the JVM's certificate checks",
    fix: 'remove it and the SSLContext built with it; HttpClient.newHttpClient() checks certificates by default',
  },
  { pattern: /disableHostnameVerification|HostnameVerifier/, what: 'hostname verification is switched off', fix: 'remove it' },
  {
    pattern: /TrustAllStrategy|InsecureTrustManagerFactory|TrustSelfSignedStrategy/,
    what: 'a trust-all strategy accepts any certificate',
    fix: 'remove it',
  },
];

const CURL_SPELLINGS: readonly InsecureSpelling[] = [
  {
    pattern: /(?:^|\s)(?:--insecure|--proxy-insecure|-(?!-)[A-Za-z]*k[A-Za-z]*)(?=\s|$|\\)/,
    what: 'curl -k (--insecure) accepts any certificate',
    fix: 'remove -k/--insecure; curl checks certificates by default',
  },
  {
    pattern: /NODE_TLS_REJECT_UNAUTHORIZED|PYTHONHTTPSVERIFY/,
    what: 'an environment variable turns certificate checks off',
    fix: 'remove it',
  },
];

/** The spellings to look for in each language; an unknown language gets all of them. */
const SPELLINGS: Readonly<Record<string, readonly InsecureSpelling[]>> = {
  javascript: NODE_SPELLINGS,
  python: PYTHON_SPELLINGS,
  go: GO_SPELLINGS,
  java: JAVA_SPELLINGS,
  curl: CURL_SPELLINGS,
};

const ALL_SPELLINGS = Object.values(SPELLINGS).flat();

/** True for a line that only comments or imports (`#`, `//`, `/*`, `*`, a docstring, `import`): the use is elsewhere. */
function isCommentOrImport(line: string): boolean {
  return /^(?:#|\/\/|\/\*|\*|"""|'''|import\s)/.test(line.trim());
}

/** Every line of `source` that turns certificate checks off, in order. */
export function findInsecureTls(source: string, language: string): InsecureTlsFinding[] {
  const spellings = SPELLINGS[language] ?? ALL_SPELLINGS;
  const findings: InsecureTlsFinding[] = [];
  source.split('\n').forEach((raw, index) => {
    if (isCommentOrImport(raw)) return;
    const spelling = spellings.find((candidate) => candidate.pattern.test(raw));
    if (!spelling) return;
    const text = raw.trim();
    findings.push({ line: index + 1, text: text.length > 80 ? `${text.slice(0, 77)}...` : text, what: spelling.what, fix: spelling.fix });
  });
  return findings;
}
