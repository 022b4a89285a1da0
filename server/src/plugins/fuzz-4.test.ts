// Shard 4 of the fuzz suite (test/fuzz/fuzz-suite.ts: every route, 200 generated requests each).
import { fuzzShard } from '../test/fuzz/fuzz-suite.ts';

fuzzShard(4);
