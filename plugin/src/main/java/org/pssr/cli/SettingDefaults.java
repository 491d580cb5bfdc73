package org.pssr.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.pssr.app.SuperresSettings;
import org.pssr.app.TwinDraw;
import org.pssr.train.TrainingOptions;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Options' defaults read from the jobs' settings values, where each default is declared once: an
 * option named as a setting (its long name without dashes) defaults to the setting's default.
 */
abstract class SettingDefaults implements IDefaultValueProvider {

	private final Map<String, String> defaults = new LinkedHashMap<>();

	@SafeVarargs
	SettingDefaults(final Map<String, String>... values) {
		for (final Map<String, String> v : values)
			defaults.putAll(v);
	}

	@Override
	public String defaultValue(final ArgSpec arg) {
		return arg.isOption() ? defaults.get(((OptionSpec) arg).longestName().replaceFirst("^--", ""))
			: null;
	}

	/** How twins are drawn ({@link TwinDraw#DEFAULTS}). */
	static final class Twins extends SettingDefaults {

		Twins() {
			super(TwinDraw.DEFAULTS.values());
		}
	}

	/** How a model super-resolves ({@link SuperresSettings#DEFAULTS}). */
	static final class Superres extends SettingDefaults {

		Superres() {
			super(SuperresSettings.DEFAULTS.values());
		}
	}

	/**
	 * How the SLURM tasks super-resolve, but for the tile, which is the same for every task there
	 * and so has a default of its own.
	 */
	static final class SlurmSuperres extends SettingDefaults {

		SlurmSuperres() {
			super(withoutTile(SuperresSettings.DEFAULTS.values()));
		}

		private static Map<String, String> withoutTile(final Map<String, String> values) {
			final Map<String, String> m = new LinkedHashMap<>(values);
			m.remove("tile");
			return m;
		}
	}

	/** How twins are drawn and a model trained ({@link TrainingOptions#DEFAULTS}). */
	static final class Training extends SettingDefaults {

		Training() {
			super(TwinDraw.DEFAULTS.values(), TrainingOptions.DEFAULTS.values());
		}
	}
}
