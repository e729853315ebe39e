// Writes app/label-colors.css from the label colour table (components/annotate/labels.ts), so the
// page's colours have one source. components/annotate/labels.test.ts fails when the file is stale.
import fs from 'node:fs';
import path from 'node:path';
import { labelColorCss } from '../components/annotate/labels';

fs.writeFileSync(path.join(process.cwd(), 'app/label-colors.css'), labelColorCss());
