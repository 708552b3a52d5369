/**
 * The Emscripten codecs (CharLS, OpenJPEG, libjpeg-turbo 8-bit) ship as CommonJS
 * factories that locate their .wasm beside the script, so in Node they load through
 * createRequire and an awaited factory call. Loading is asynchronous; decoding is not,
 * so ingest awaits loadCodecs() once and then decodes frames synchronously.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CodecFrameInfo {
  width: number;
  height: number;
  bitsPerSample: number;
  componentCount: number;
  isSigned: boolean;
}

interface EmscriptenDecoder {
  getEncodedBuffer(length: number): Uint8Array;
  decode(): void;
  getFrameInfo(): CodecFrameInfo;
  getDecodedBuffer(): Uint8Array;
  delete(): void;
}

type DecoderClass = new () => EmscriptenDecoder;
type Factory = () => Promise<Record<string, unknown>>;

export type WasmCodec = 'jpeg-ls' | 'jpeg-2000' | 'jpeg-8bit';

const PACKAGES: Record<WasmCodec, [entry: string, className: string]> = {
  'jpeg-ls': ['@cornerstonejs/codec-charls/decodewasmjs', 'JpegLSDecoder'],
  'jpeg-2000': ['@cornerstonejs/codec-openjpeg/decodewasmjs', 'J2KDecoder'],
  'jpeg-8bit': ['@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs', 'JPEGDecoder'],
};

const loaded = new Map<WasmCodec, DecoderClass>();
let loading: Promise<void> | undefined;

async function loadOne(codec: WasmCodec): Promise<void> {
  const [entry, className] = PACKAGES[codec];
  const factory = requireFromHere()(entry) as Factory;
  const module = await factory();
  loaded.set(codec, module[className] as DecoderClass);
}

/**
 * A require() that finds the codec packages in node_modules. Bundlers (the Next.js
 * server build) rewrite import.meta.url to a path that does not exist, and the codecs
 * would then look for their .wasm there; the project folder is the fallback.
 */
function requireFromHere(): NodeJS.Require {
  const here = import.meta.url.startsWith('file:') ? fileURLToPath(import.meta.url) : '';

  return createRequire(existsSync(here) ? here : path.join(process.cwd(), 'package.json'));
}

/** Instantiates the three decoders once (about 1 MB of wasm each); safe to call often. */
export function loadCodecs(): Promise<void> {
  loading ??= Promise.all((Object.keys(PACKAGES) as WasmCodec[]).map(loadOne)).then(() => {});

  return loading;
}

export function codecsLoaded(): boolean {
  return loaded.size === Object.keys(PACKAGES).length;
}

/** Decodes one codestream; the result is a private copy out of wasm memory. */
export function wasmDecode(
  codec: WasmCodec,
  codestream: Uint8Array,
): { bytes: Uint8Array; info: CodecFrameInfo } {
  const Decoder = loaded.get(codec);
  if (Decoder === undefined) throw new Error(`codec ${codec} is not loaded`);
  const decoder = new Decoder();
  try {
    decoder.getEncodedBuffer(codestream.length).set(codestream);
    decoder.decode();

    return { bytes: decoder.getDecodedBuffer().slice(), info: decoder.getFrameInfo() };
  } finally {
    decoder.delete();
  }
}
