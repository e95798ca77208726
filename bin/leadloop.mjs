#!/usr/bin/env node
// Runs the TypeScript CLI in this process through tsx, so `leadloop` works from a checkout
// without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
