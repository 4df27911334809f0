// How the repo's Node programs are bundled (the emulator, the deploy step): one CommonJS file for Node 18 with a
// linked source map; packages stay in node_modules.
export const nodeProgram = (entry, outfile) => ({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: 'linked',
  packages: 'external',
  logLevel: 'warning',
});
