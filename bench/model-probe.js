/**
 * A probe rule for the bench's stats runs. ESLint's `stats` charge the shared LiveKit model (built lazily, once per
 * file) to whichever rule asks for a part of it first. Listed before the plugin's rules, the probe builds every lazily
 * computed part of the model, so its own line is the model's cost and each rule's line is what the rule adds.
 */

/** The probe plugin, or null (with a warning) when dist/ has no model to probe. */
export async function loadModelProbe() {
  try {
    const { getLiveKitModel, LiveKitModel } = await import('../dist/livekit/program.js');
    const getters = Object.entries(Object.getOwnPropertyDescriptors(LiveKitModel.prototype))
      .filter(([, descriptor]) => typeof descriptor.get === 'function')
      .map(([name]) => name);
    return {
      getters,
      plugin: {
        meta: { name: 'bench-probe' },
        rules: {
          'livekit-model': {
            meta: { type: 'problem', schema: [] },
            create(context) {
              const model = getLiveKitModel(context);
              if (model) for (const name of getters) void model[name];
              return {};
            },
          },
        },
      },
    };
  } catch (error) {
    console.warn(`bench: no model probe (${error.message})`);
    return null;
  }
}

/** The rule id the probe reports its time under in ESLint's stats. */
export const PROBE_RULE = 'bench-probe/livekit-model';

/** The flat-config entry that turns the probe on (put it before the plugin's config). */
export function probeConfig(probe) {
  return { plugins: { 'bench-probe': probe.plugin }, rules: { [PROBE_RULE]: 'error' } };
}
