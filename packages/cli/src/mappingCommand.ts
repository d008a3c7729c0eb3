import { defineCommand } from './command';

export const MAPPING_COMMAND = defineCommand({
  name: 'mapping',
  summary: 'Print the Signaling -> RTM mapping table.',
  usage: '[--json]',
  description: 'Prints every legacy member of the three dialects with its status and the RTM 1.x call that carries it.',
  options: {
    json: { type: 'boolean', description: 'Print the table as JSON (the MAPPING export of signaling-compat/mapping).' },
  },
  positionals: false,
  async run({ values }, io) {
    const { runMappingCommand } = await import('./runMappingCommand');
    return runMappingCommand(values.json, io);
  },
});
