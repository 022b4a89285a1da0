// Shard 2 of the fuzz suite (test/fuzz/fuzz-suite.ts: 200 requests per route on SQLite, 50 on PostgreSQL).
import { fuzzShard } from '../test/fuzz/fuzz-suite.ts';

fuzzShard(2);
