import { runAsEntry } from './web';

runAsEntry(process.argv.slice(2));
