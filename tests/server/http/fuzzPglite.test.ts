/** Every procedure over HTTP with malformed inputs, on PGlite (tests/support/fuzzOverHttp.ts). */
import { availableBackends } from '../../support/databases.ts';
import { describeFuzzOverHttp } from '../../support/fuzzOverHttp.ts';

describeFuzzOverHttp('pglite', availableBackends());
