// docs/openapi.json is generated from the route schemas (`npm run openapi`); any drift between the
// checked-in document and what the code serves fails here.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateOpenApi } from '../../scripts/openapi.js';

describe('docs/openapi.json', () => {
  it('matches the document the code generates (run `npm run openapi` after changing a route)', async () => {
    const checkedIn = fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/openapi.json'), 'utf8');
    expect(checkedIn).toBe(await generateOpenApi());
  });
});
