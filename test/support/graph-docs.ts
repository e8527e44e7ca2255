import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The Graph docs fixtures vendored in the repository (see test/fixtures/graph-docs/README.md). */
const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), "../fixtures/graph-docs");

/** Verbatim Graph docs examples (`beta/`, `v1.0/`, `concepts/`); `GRAPH_EXAMPLES_DIR` overrides it. */
export const GRAPH_EXAMPLES_DIR = process.env.GRAPH_EXAMPLES_DIR ?? resolve(FIXTURES, "examples");

/** CSDL and permission excerpts (msgraph-metadata, microsoft-graph-devx-content). */
export const GRAPH_METADATA_DIR = resolve(FIXTURES, "metadata");

/** Whole docs pages and their code blocks (`docs/examples/{beta,v1.0}`), not replayed by the conformance test. */
export const GRAPH_DOCS_DIR = resolve(FIXTURES, "docs");
