#!/usr/bin/env node
// Runs the TypeScript CLI in this process through tsx's loader, so a checkout needs no
// build step and a signal sent to `hallmark` reaches the command itself.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
