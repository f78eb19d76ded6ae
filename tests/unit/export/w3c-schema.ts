import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import schema from '../../fixtures/w3c/web-annotation.schema.json';

const ajv = new Ajv({ allErrors: true, strictTypes: false });
addFormats(ajv);

/** Validates a parsed document against the W3C Web Annotation model schema in tests/fixtures/w3c/. */
export const validateW3C = ajv.compile(schema);
