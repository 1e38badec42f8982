const path = require('path');
const { task, src, dest } = require('gulp');

// tsc emits only JavaScript; the editor also needs each node's SVG icons and codex files next to it.
task('build:icons', () =>
	src(['nodes/**/*.svg', 'nodes/**/*.node.json', 'credentials/**/*.svg'], { base: '.', encoding: false }).pipe(
		dest(path.resolve('dist')),
	),
);
