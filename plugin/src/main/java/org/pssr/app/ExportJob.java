package org.pssr.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.pssr.crappify.Logger;
import org.pssr.train.ModelBundle;
import org.pssr.train.exchange.ExportFormat;
import org.pssr.train.exchange.ExportReport;
import org.pssr.train.exchange.ModelExport;
import org.pssr.train.exchange.OutputUnits;

/**
 * Exports a model bundle as a TensorFlow SavedModel or a bioimage.io package, checked by reloading
 * it in TensorFlow: {@code pssr export} and Export Model (TensorFlow).
 */
public final class ExportJob {

	private final String author;
	private final String license;
	private final OutputUnits units;

	/**
	 * @param author recorded in rdf.yaml; null or empty for the user's name
	 * @param units a package's output units ({@code normalised}, {@code input}); null for
	 *          normalised, which deepImageJ runs
	 * @throws IllegalArgumentException for unknown units
	 */
	public ExportJob(final String author, final String license, final String units) {
		this.author = author == null || author.isEmpty() ? System.getProperty("user.name", "unknown")
			: author;
		this.license = license;
		this.units = units == null ? OutputUnits.NORMALISED : OutputUnits.parse(units);
	}

	/**
	 * @param format null picks it from {@code output}: bioimage.io for a .zip, else SavedModel
	 * @param rule whether an earlier export of pssr's at {@code output} may be replaced
	 */
	public ExportReport run(final Path model, final Path output, final String format,
		final OutputRule rule, final Logger log) throws IOException
	{
		if (!Files.isRegularFile(model)) throw new IllegalArgumentException("no such model bundle: " +
			model);
		final ExportFormat chosen = format == null || format.isEmpty() ? ExportFormat.forOutput(output)
			: ExportFormat.parse(format);
		final boolean replace = rule.check("--output", output, chosen == ExportFormat.BIOIMAGEIO
			? OutputRule.Kind.PACKAGE : OutputRule.Kind.SAVED_MODEL);
		try (ModelBundle bundle = ModelBundle.load(model, "cpu")) {
			log.status("Exporting " + model.getFileName() + " (" + bundle.config() + ") as " + chosen +
				"...");
			return new ModelExport(author, license, units).export(bundle, output, chosen, replace);
		}
	}
}
