/**
 * The app's Vite config plus one bench-only page (bench/browser/bench.html), for `npx tsx bench/browser.ts`:
 * the built app is measured as users get it, and the bench page measures what the app does not offer (the
 * tfjs wasm backend). Only used by the benchmark; the app's own build is unchanged.
 */
import { fileURLToPath } from 'node:url';
import { mergeConfig } from 'vite';
import base from '../vite.config.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

export default mergeConfig(base, {
  root,
  build: {
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('../index.html', import.meta.url)),
        bench: fileURLToPath(new URL('./browser/bench.html', import.meta.url)),
      },
    },
  },
});
