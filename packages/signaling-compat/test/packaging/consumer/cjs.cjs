// Requires every subpath of the installed package from CommonJS and reports what it sees.
const Signal = require('signaling-compat');
const fake = require('signaling-compat/fake');
const mapping = require('signaling-compat/mapping');
const exchange = require('./exchange.cjs');

exchange(Signal, fake.FakeRtm).then((result) => {
  console.log(
    JSON.stringify({
      type: typeof Signal,
      defaultIsItself: Signal.default === Signal,
      namedSignalIsItself: Signal.Signal === Signal,
      exports: Object.keys(Signal).sort(),
      fake: Object.keys(fake).sort(),
      mapping: Object.keys(mapping).sort(),
      mappingRows: mapping.MAPPING.length,
      exchange: result,
    }),
  );
});
