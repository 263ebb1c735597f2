import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Libxml2 from 'libxml2-wasm';

const SCHEMA_DIR = join(dirname(fileURLToPath(import.meta.url)), 'schemas');
const MAIN_SCHEMA = 'saml-schema-protocol-2.0.xsd';
/** The address the schemas are read under: their relative imports resolve inside it, and only there. */
const SCHEMA_URL = 'saml-harness-schemas:/';

export interface SchemaProblem {
  message: string;
  line?: number;
  /** The element the problem is about, as {namespace}LocalName. */
  element?: string;
}

export interface SchemaResult {
  valid: boolean;
  problems: SchemaProblem[];
}

const ELEMENT = /Element '(\{[^}]*\}[\w.-]+|[\w.-]+)'/;
const ERROR_LEVEL = 2;

type Lib = typeof Libxml2;
let lib: Promise<Lib> | undefined;

/**
 * libxml2 (libxml2-wasm) is loaded on first use, and its only input provider serves the bundled schemas from
 * memory: an import of anything else, or any network or file address, has nothing to read.
 */
function loadLibxml2(): Promise<Lib> {
  lib ??= import('libxml2-wasm').then((m) => {
    const files = new Map<string, Buffer>();
    const open = new Map<number, { data: Buffer; at: number }>();
    let nextFd = 1;
    m.xmlRegisterInputProvider({
      match: (name) => name.startsWith(SCHEMA_URL),
      open: (name) => {
        const file = name.slice(SCHEMA_URL.length);
        if (!/^[\w.-]+$/.test(file)) return undefined;
        let data = files.get(file);
        if (!data) {
          try {
            data = readFileSync(join(SCHEMA_DIR, file));
          } catch {
            return undefined;
          }
          files.set(file, data);
        }
        open.set(nextFd, { data, at: 0 });
        return nextFd++;
      },
      read: (fd, buf) => {
        const f = open.get(fd);
        if (!f) return -1;
        const n = Math.min(buf.length, f.data.length - f.at);
        buf.set(f.data.subarray(f.at, f.at + n));
        f.at += n;
        return n;
      },
      close: (fd) => open.delete(fd),
    });
    return m;
  });
  return lib;
}

/**
 * SAML 2.0 schema validation with libxml2 compiled to WebAssembly. The schemas are parsed once per validator
 * and kept; each document is then parsed and validated in a fraction of a millisecond, on the calling thread.
 * Only documents the SP core has already parsed (bounded, without DTD) reach it.
 */
export class SchemaValidator {
  private compiled: Promise<{ lib: Lib; schema: Libxml2.XmlDocument; validator: Libxml2.XsdValidator }> | undefined;

  async validate(xml: string): Promise<SchemaResult> {
    const { lib: m, validator } = await this.ready();
    let doc: Libxml2.XmlDocument;
    try {
      doc = m.XmlDocument.fromString(xml, { option: m.ParseOption.XML_PARSE_NONET });
    } catch (e) {
      return { valid: false, problems: problemsOf(e, 'not well-formed') };
    }
    try {
      validator.validate(doc);
      return { valid: true, problems: [] };
    } catch (e) {
      return { valid: false, problems: problemsOf(e, 'not valid') };
    } finally {
      doc.dispose();
    }
  }

  async close(): Promise<void> {
    const c = this.compiled;
    this.compiled = undefined;
    if (!c) return;
    const { validator, schema } = await c;
    validator.dispose();
    schema.dispose();
  }

  private ready(): NonNullable<SchemaValidator['compiled']> {
    this.compiled ??= loadLibxml2().then((m) => {
      const schema = m.XmlDocument.fromBuffer(readFileSync(join(SCHEMA_DIR, MAIN_SCHEMA)), { url: SCHEMA_URL + MAIN_SCHEMA, option: m.ParseOption.XML_PARSE_NONET });
      try {
        return { lib: m, schema, validator: m.XsdValidator.fromDoc(schema) };
      } catch (e) {
        schema.dispose();
        throw e;
      }
    });
    return this.compiled;
  }
}

interface Detail {
  message: string;
  level?: number;
  line?: number;
}

function problemsOf(e: unknown, fallback: string): SchemaProblem[] {
  const details = (e as { details?: Detail[] }).details ?? [];
  const errors = details.filter((d) => (d.level ?? ERROR_LEVEL) >= ERROR_LEVEL);
  if (errors.length === 0) return [{ message: e instanceof Error && e.message ? e.message.trim() : fallback }];
  return errors.map((d) => {
    const message = d.message.trim();
    const element = ELEMENT.exec(message)?.[1];
    return { message, ...(d.line ? { line: d.line } : {}), ...(element ? { element } : {}) };
  });
}

let shared: SchemaValidator | undefined;

/** One validator per process: the parsed schemas are kept between calls. */
export function sharedSchemaValidator(): SchemaValidator {
  shared ??= new SchemaValidator();
  return shared;
}
