import { defineConfig } from "vite";

// No React plugin: esbuild's automatic JSX runtime is all this app needs, and it installs cleanly.
export default defineConfig({
  base: "./",
  esbuild: { jsx: "automatic" },
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
  test: { environment: "jsdom", globals: true, include: ["src/**/*.test.ts", "src/**/*.test.tsx"] },
});
