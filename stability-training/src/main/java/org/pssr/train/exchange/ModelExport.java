package org.pssr.train.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonObject;

import org.pssr.crappify.Degradations;
import org.pssr.crappify.io.StagedOutput;
import org.pssr.train.ModelBundle;
import org.pssr.crappify.Normalisation;
import org.pssr.train.Network;
import org.pssr.train.WindowPadding;
import org.pssr.train.tensorflow.SavedModels;
import org.pssr.train.tensorflow.TensorFlowModel;

/**
 * Exports a trained model bundle for TensorFlow consumers, and proves the export: the written
 * model is loaded back through DJL's TensorFlow engine and must give the PyTorch model's output
 * on the test window, or the export is removed and the call fails.
 */
public final class ModelExport {

	/** Largest accepted |TF - PyTorch|, relative to the output's magnitude (at least 1). */
	public static final double TOLERANCE = 1e-4;
	/** Side of the LR test window, before rounding up to the model's size multiple. */
	static final int TEST_SIDE = 64;
	private static final long TEST_SEED = 20_211_123;

	private final String author;
	private final String license;
	private final OutputUnits units;

	/** A package whose output is in {@link OutputUnits#NORMALISED} units (runs in deepImageJ). */
	public ModelExport(final String author, final String license) {
		this(author, license, OutputUnits.NORMALISED);
	}

	/**
	 * @param author recorded as the model's author in rdf.yaml
	 * @param license SPDX identifier of the weights' licence, recorded in rdf.yaml
	 * @param units what a package's output is in; a SavedModel's is always normalised
	 */
	public ModelExport(final String author, final String license, final OutputUnits units) {
		if (author == null || author.trim().isEmpty()) throw new IllegalArgumentException(
			"an author name is required (bioimage.io lists who made the model)");
		if (license == null || !license.matches("[A-Za-z0-9.+-]+")) throw new IllegalArgumentException(
			"license must be an SPDX identifier such as CC-BY-4.0, not '" + license + "'");
		this.author = author.trim();
		this.license = license;
		this.units = units;
	}

	/**
	 * @param output a new folder ({@code savedmodel}) or a new {@code .zip} file ({@code bioimageio})
	 * @param replace whether an {@code output} that exists may be replaced: an earlier export the
	 *          caller recognised as pssr's, which the user asked to replace
	 * @throws IllegalArgumentException when {@code output} exists (unless it may be replaced) or
	 *           does not suit the format
	 * @throws IllegalStateException when the reloaded export does not reproduce the model
	 */
	public ExportReport export(final ModelBundle bundle, final Path output, final ExportFormat format,
		final boolean replace) throws IOException
	{
		if (Files.exists(output) && !replace) throw new IllegalArgumentException(output +
			" already exists; choose a new name (nothing is overwritten)");
		if (ExportFormat.forOutput(output) != format) throw new IllegalArgumentException(
			format == ExportFormat.BIOIMAGEIO ? "a bioimage.io package is a .zip file: " + output
				: "a SavedModel is a folder, not a .zip: " + output +
					" (use --format bioimageio for a package)");
		if (format == ExportFormat.SAVEDMODEL && units != OutputUnits.NORMALISED)
			throw new IllegalArgumentException("output units '" + units + "' are for bioimage.io " +
				"packages; a SavedModel's output is always in normalised units");
		final TestWindow test = TestWindow.of(bundle);
		if (format == ExportFormat.SAVEDMODEL) {
			try (StagedOutput staged = StagedOutput.folder(output)) {
				SavedModels.write(bundle.model().network(), metadata(bundle), staged.path());
				final ExportReport report = checked(bundle, test, tensorFlowOutput(bundle, staged.path(),
					test), output, format);
				staged.commit();
				return report;
			}
		}
		try (StagedOutput scratch = StagedOutput.scratch("pssr-export")) {
			final Path savedModel = scratch.path().resolve("savedmodel");
			SavedModels.write(bundle.model().network(), metadata(bundle), savedModel);
			final float[] got = tensorFlowOutput(bundle, savedModel, test);
			final ExportReport report = checked(bundle, test, got, output, format);
			new BioImageIoPackage(author, license, units).write(bundle, savedModel, test, got, report,
				output);
			return report;
		}
	}

	/**
	 * Compares the reloaded SavedModel's output {@code got} with PyTorch on the test window; fails,
	 * before anything is committed, when they differ.
	 */
	private static ExportReport checked(final ModelBundle bundle, final TestWindow test,
		final float[] got, final Path output, final ExportFormat format)
		throws IOException
	{
		final float[] expected = bundle.model().predict(test.modelInput, 1, test.side, test.side);
		double max = 0;
		double range = 0;
		for (int i = 0; i < got.length; i++) {
			max = Math.max(max, Math.abs(got[i] - expected[i]));
			range = Math.max(range, Math.abs(expected[i]));
		}
		if (!(max <= TOLERANCE * Math.max(1, range))) {
			throw new IllegalStateException(String.format(java.util.Locale.ROOT,
				"the TensorFlow export does not reproduce the model (max |TF - PyTorch| = %.3g for outputs " +
					"up to %.3g); nothing was written", max, range));
		}
		return new ExportReport(output, format, max, range);
	}

	/** The SavedModel's output for the test window, run by DJL's TensorFlow engine. */
	private static float[] tensorFlowOutput(final ModelBundle bundle, final Path savedModel,
		final TestWindow test) throws IOException
	{
		try (TensorFlowModel tf = TensorFlowModel.load(savedModel, bundle.scale(), bundle.model()
			.lrMultiple()))
		{
			return tf.predict(test.modelInput, 1, test.side, test.side);
		}
	}

	static JsonObject metadata(final ModelBundle bundle) {
		final Network net = bundle.model().network();
		final JsonObject m = new JsonObject();
		m.addProperty("format", "pssr-savedmodel");
		m.addProperty("formatVersion", 1);
		m.addProperty("layout", "NHWC");
		m.addProperty("frames", bundle.frames());
		m.addProperty("scale", bundle.scale());
		m.addProperty("lrMultiple", bundle.model().lrMultiple());
		m.add("architecture", net.architecture().toJson());
		m.add("normalisation", bundle.normalisation().toJson());
		bundle.recipe().ifPresent(r -> m.add("recipe", Degradations.toJson(r)));
		m.addProperty("exportedFrom", bundle.path().getFileName().toString());
		return m;
	}

	/** The packaged test window: raw input and what the network sees. */
	static final class TestWindow {

		final int side;
		final int frames;
		final float[] raw;
		final float[] modelInput;

		private TestWindow(final int side, final int frames, final float[] raw, final float[] modelInput) {
			this.side = side;
			this.frames = frames;
			this.raw = raw;
			this.modelInput = modelInput;
		}

		static TestWindow of(final ModelBundle bundle) {
			final int side = WindowPadding.padded(TEST_SIDE, bundle.model().lrMultiple());
			final float[] raw = ExportSample.window(bundle.frames(), bundle.scale(), side, TEST_SEED);
			return new TestWindow(side, bundle.frames(), raw, BioImageIoProcessing.scaleRange(raw, bundle
				.normalisation()));
		}
	}
}
