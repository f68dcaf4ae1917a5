import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// write-excel-file zips with fflate, whose workers the CSP refuses (see src/files/zipInPage.ts).
const zipInPage = fileURLToPath(new URL("./src/files/zipInPage.ts", import.meta.url));

// No React plugin: esbuild's automatic JSX runtime is all this app needs, and it installs cleanly.
export default defineConfig({
  base: "./",
  esbuild: { jsx: "automatic" },
  resolve: { alias: [{ find: /^fflate$/, replacement: zipInPage }] },
  // Pre-bundling would resolve write-excel-file's fflate past the alias.
  optimizeDeps: { exclude: ["write-excel-file"] },
  server: { port: 5173, strictPort: true },
  build: {
    outDir: "dist",
    target: "es2022",
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      // Libraries mark modules "use client" for server rendering; a desktop bundle has no server.
      onwarn(warning, warn) {
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
    },
  },
  test: {
    environment: "jsdom",
    globals: true,
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
    setupFiles: ["src/testing/setup.ts"],
    // The reports page renders charts in jsdom: on a busy 2-core CI machine one test can take
    // seconds; a hang still fails, later.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Through Vite's resolver, so that the tests zip the way the app does.
    server: { deps: { inline: ["write-excel-file"] } },
  },
});
