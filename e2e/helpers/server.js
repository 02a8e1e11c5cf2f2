'use strict';
// Starts and stops an Attune server for a test file: a fresh data directory,
// port 0 (the OS picks a free port), fast password hashing.

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const DEFAULT_BIN = path.join(REPO_ROOT, 'target', 'debug', 'attune');
const START_TIMEOUT_MS = 30_000;

function binaryPath() {
  const bin = process.env.ATTUNE_BIN || DEFAULT_BIN;
  if (!fs.existsSync(bin)) {
    throw new Error(
      `Attune binary not found at ${bin}. Build it with "cargo build -p attune" ` +
        'in the repository root, or point ATTUNE_BIN at it.',
    );
  }
  return bin;
}

/**
 * Starts `attune serve` and resolves once it prints
 * "listening on http://127.0.0.1:PORT".
 * @returns {Promise<{url: string, origin: string, dataDir: string, logs: () => string, stop: () => Promise<void>}>}
 */
async function startServer(extraEnv = {}, { reuseDataDir } = {}) {
  const bin = binaryPath();
  // `reuseDataDir` restarts on an earlier server's data (stop it with `{ keepData: true }`).
  const dataDir = reuseDataDir || fs.mkdtempSync(path.join(os.tmpdir(), 'attune-e2e-'));
  const child = spawn(bin, ['serve', '--data-dir', dataDir, '--listen', '127.0.0.1:0'], {
    env: {
      ...process.env,
      ATTUNE_KDF_PROFILE: 'test',
      ATTUNE_LOGIN_ATTEMPTS_PER_MINUTE: '1000',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let output = '';
  const keep = (chunk) => {
    output += chunk;
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', keep);

  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`Attune did not start within ${START_TIMEOUT_MS} ms. Output:\n${output}`));
    }, START_TIMEOUT_MS);
    const lines = readline.createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      keep(line + '\n');
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`Attune exited early (code ${code}, signal ${signal}). Output:\n${output}`));
    });
  }).catch(async (err) => {
    child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  });

  let stopped = false;
  async function stop({ keepData = false } = {}) {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), 5_000));
      if ((await Promise.race([exited, timeout])) === 'timeout') {
        child.kill('SIGKILL');
        await exited;
      }
    }
    if (!keepData) fs.rmSync(dataDir, { recursive: true, force: true });
  }

  return { url, origin: new URL(url).origin, dataDir, logs: () => output, stop };
}

module.exports = { startServer, binaryPath };
