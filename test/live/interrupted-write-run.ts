// A write run of the live command, as the CLI wires it (the interrupt watch's signal and grace),
// against a stand-in of the real API, for the test that stops it with a real SIGINT or SIGTERM.
// Prints `program started` when the first program reaches the stand-in, then, once the command has
// ended, one JSON line with the exit code and what the stand-in's account holds.
// Usage: node test/live/interrupted-write-run.ts ROOT
import { parseCommandLine } from '../../scripts/harness/cli/command-line.ts';
import { watchInterrupts } from '../../scripts/harness/cli/interrupt.ts';
import { LIVE_INTERRUPT_GRACE_MS, runLiveCommand } from '../../scripts/live/live-command.ts';
import { PROBE_USER_AGENT, SETUP_USER_AGENT } from '../../scripts/live/probe.ts';
import { LIVE_CLIENT_ID, standInApi, testAccountTokens } from './stand-in.ts';

const [root = ''] = process.argv.slice(2);
const tokens = testAccountTokens();
const standIn = standInApi({ tokens });
const holdings = () =>
  Object.fromEntries(
    ['targets', 'credentials', 'proxies'].map((collection) => [collection, standIn.read(`/api/clients/${LIVE_CLIENT_ID}/${collection}`)]),
  );
const before = JSON.stringify(holdings());
let told = false;
const interrupts = watchInterrupts('snippets', (text) => void process.stderr.write(text));
interrupts.setGraceMs(LIVE_INTERRUPT_GRACE_MS);
let code: number;
try {
  code = await runLiveCommand(
    parseCommandLine(
      [
        '--live',
        '--live-writes',
        '--root',
        root,
        '--lang',
        'curl',
        '--example',
        'update-proxy',
        '--example',
        'delete-target',
        '--example',
        'create-credential',
      ],
      {},
    ),
    {
      out: { write: (text) => void process.stdout.write(text), isTTY: false },
      env: { REQUESTROCKET_USER_TOKEN: tokens.user, REQUESTROCKET_LIVE_CLIENT_ID: LIVE_CLIENT_ID },
      projectRoot: root,
      signal: interrupts.signal,
      upstream: (req, res) => {
        const agent = req.headers['user-agent'];
        if (!told && agent !== PROBE_USER_AGENT && agent !== SETUP_USER_AGENT) {
          told = true;
          process.stdout.write('program started\n');
        }
        standIn.handler(req, res);
      },
    },
  );
} catch (error) {
  code = interrupts.exitCode() ?? 99;
  process.stdout.write(`stopped: ${(error as Error).message}\n`);
} finally {
  interrupts.stop();
}
process.stdout.write(`${JSON.stringify({ code, unchanged: JSON.stringify(holdings()) === before })}\n`);
process.exit(code);
