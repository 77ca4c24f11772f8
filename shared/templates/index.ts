// Program templates (issue 13): what a new plan starts from. The template shape (template.ts), the
// built-in ones and the program in force per year (builtin.ts), a template as a plan and a plan's
// structure as a template (cycle.ts), and the template file format (format.ts). Pure: the engine
// reads and writes the files (electron/engine/templates/).
export * from './template';
export * from './builtin';
export * from './cycle';
export * from './format';
