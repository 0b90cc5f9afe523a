#!/usr/bin/env node
// The package binary: runs the compiled CLI (built by `npm run build`, which `npm ci` runs via `prepare`).
require('../dist/src/cli/main.js');
