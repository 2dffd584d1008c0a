#!/usr/bin/env node
// Launcher. Sets the V8 flag the interpreter needs before any guest-facing code is compiled
// (shared/DESIGN.md: --no-lazy-feedback-allocation avoids repeated deopts of the run loop);
// setting it here instead of re-spawning Node saves a whole Node start-up (~50 ms).
import v8 from 'node:v8';
v8.setFlagsFromString('--no-lazy-feedback-allocation');
await import('../dist/cli/main.js');
