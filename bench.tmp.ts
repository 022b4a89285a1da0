import suite from './bench/suites/assessment.ts';
const quick = process.argv.includes('--quick');
console.table(await suite.run({ quick, dialects: (process.env.D ?? 'sqlite,postgres').split(',') as Array<'sqlite' | 'postgres'>, freePort: async () => 0 }));
