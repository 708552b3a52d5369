/** @type {import('next').NextConfig} */
const nextConfig = {
  // Packages that load WebAssembly or native files from their own folders at run time
  // must be required from node_modules rather than bundled.
  serverExternalPackages: [
    '@electric-sql/pglite',
    '@itk-wasm/elastix',
    'dicom-parser',
    'dcmjs',
    '@cornerstonejs/codec-charls',
    '@cornerstonejs/codec-openjpeg',
    '@cornerstonejs/codec-libjpeg-turbo-8bit',
    'jpeg-lossless-decoder-js',
    'pg',
  ],
  // Uploads of whole folders arrive as many files; route handlers stream them.
  experimental: { serverActions: { bodySizeLimit: '64mb' } },
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
