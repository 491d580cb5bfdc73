package org.pssr.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

import org.pssr.train.ModelBundle;
import org.pssr.crappify.Degradation;
import org.pssr.crappify.Normalisation;
import org.pssr.train.SuperResolutionModel;
import org.pssr.train.exchange.ImportedModel;

/** Opens model files for every command that takes one; the one place that tells model formats apart. */
public final class ModelFiles {

	private ModelFiles() {}

	/**
	 * A pssr model bundle ({@code *.pssr.zip}, PyTorch), a TensorFlow SavedModel folder or a
	 * bioimage.io package ({@code .zip} with {@code rdf.yaml}; TensorFlow, CPU).
	 *
	 * @param device {@code auto}, {@code cpu} or {@code gpu}
	 * @throws NoSuchFileException when the file is missing
	 * @throws IllegalArgumentException when the file is not a model this build can use
	 */
	public static OpenModel open(final Path file, final String device) throws IOException {
		if (!Files.exists(file)) throw new NoSuchFileException(file.toString(), null, "no such model");
		if (ImportedModel.accepts(file)) return openTensorFlow(file, device);
		if (!Files.isRegularFile(file)) throw new IllegalArgumentException(file +
			" is a folder without saved_model.pb: not a model");
		final ModelBundle bundle = ModelBundle.load(file, device);
		try {
			final Normalisation n = bundle.normalisation();
			return opened(bundle.model(), n, bundle.recipe(), file, bundle.config().toString());
		}
		catch (final RuntimeException e) {
			bundle.close();
			throw e;
		}
	}

	private static OpenModel openTensorFlow(final Path file, final String device) throws IOException {
		if ("gpu".equalsIgnoreCase(device)) throw new IllegalArgumentException(
			"TensorFlow models run on the CPU in this build; use --device auto or cpu");
		final ImportedModel imported = ImportedModel.open(file);
		try {
			return opened(imported, imported.normalisation(), imported.recipe(), file, imported.device());
		}
		catch (final RuntimeException e) {
			imported.close();
			throw e;
		}
	}

	private static OpenModel opened(final SuperResolutionModel model, final Normalisation n,
		final Optional<Degradation> recipe, final Path file, final String network)
	{
		return new OpenModel(model, n, recipe.orElse(null), null, file, network);
	}

}
