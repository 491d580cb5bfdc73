package org.pssr.fiji;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

import org.pssr.train.ModelBundle;
import org.pssr.train.Normalisation;
import org.pssr.train.eval.BinningDegradation;
import org.pssr.train.eval.FrameDegrader;
import org.pssr.train.eval.RecipeDegrader;

/** Opens model files for every command that takes one; the one place that knows the bundle format. */
public final class ModelFiles {

	/** Read noise of the degradation for models that record no recipe, in normalised units. */
	private static final double FALLBACK_NOISE = 0.02;

	private ModelFiles() {}

	/**
	 * @param device {@code auto}, {@code cpu} or {@code gpu}
	 * @throws NoSuchFileException when the file is missing
	 * @throws IllegalArgumentException when the file is not a model this build can use
	 */
	public static OpenModel open(final Path file, final String device) throws IOException {
		if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null,
			"no such model file");
		final ModelBundle bundle = ModelBundle.load(file, device);
		try {
			final Normalisation n = bundle.normalisation();
			final Optional<RecipeDegrader> recipe = RecipeDegrader.fromDescription(bundle.recipe(),
				bundle.scale());
			final FrameDegrader degrader = recipe.isPresent() ? recipe.get() : new BinningDegradation(
				FALLBACK_NOISE);
			return new OpenModel(bundle.model(), n.lowPercentile(), n.highPercentile(), degrader, recipe
				.isPresent() ? degrader.toString() : degrader + " (the model records no recipe)");
		}
		catch (final RuntimeException e) {
			bundle.close();
			throw e;
		}
	}
}
