// Imports every subpath of the installed package from ESM and reports what it sees.
import Signal, * as api from 'signaling-compat';
import * as fake from 'signaling-compat/fake';
import * as mapping from 'signaling-compat/mapping';
import exchange from './exchange.cjs';

console.log(
  JSON.stringify({
    defaultType: typeof Signal,
    namedSignalIsDefault: api.Signal === Signal,
    exports: Object.keys(api).sort(),
    fake: Object.keys(fake).sort(),
    mapping: Object.keys(mapping).sort(),
    mappingRows: mapping.MAPPING.length,
    exchange: await exchange(Signal, fake.FakeRtm),
  }),
);
