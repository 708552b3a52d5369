/** @type {import('next').NextConfig} */
const nextConfig = {
  // Packages that load WebAssembly or native files from their own folders at run time
  // must be required from node_modules rather than bundled.
  serverExternalPackages: [
    '@electric-sql/pglite',
    '@itk-wasm/elastix',
    'itk-wasm',
    'dicom-parser',
    'dcmjs',
    '@cornerstonejs/codec-charls',
    '@cornerstonejs/codec-openjpeg',
    '@cornerstonejs/codec-libjpeg-turbo-8bit',
    'jpeg-lossless-decoder-js',
    'pg',
  ],
  experimental: { agentUpgrade: false },
  poweredByHeader: false,
  // Playwright and scripts reach the dev server as 127.0.0.1, not localhost.
  allowedDevOrigins: ['127.0.0.1'],
  // Next.js would otherwise write AGENTS.md files into the repository on `next dev`.
  agentRules: false,
  typedRoutes: false,
};

export default nextConfig;
