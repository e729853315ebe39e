// `npx tsx bench/storm/run.ts`: the storm section alone (settings: see index.ts).
import { stormFigures } from './index';

stormFigures((name, value, target = '') => console.log(`${name.padEnd(50)} ${value.padStart(22)}  ${target}`)).catch((e) => {
  console.error(e);
  process.exit(1);
});
