package org.pssr.train.tensorflow;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import ai.djl.ndarray.NDArray;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.pssr.crappify.io.StagedOutput;
import org.pssr.train.Network;
import org.pssr.train.UNet;

/**
 * Writes and reads the SavedModel folders pssr makes: the network as a frozen graph with one
 * serving signature ({@code serving_default}: {@code input} NHWC float32 -> {@code output}), and
 * {@code assets.extra/pssr-model.json} with what the movie pipeline needs to run it (frames,
 * scale, size multiple, normalisation). Other TensorFlow tools ignore {@code assets.extra}.
 */
public final class SavedModels {

	/** Where the pssr description sits inside the SavedModel folder. */
	public static final String METADATA = "assets.extra/pssr-model.json";
	public static final String SIGNATURE = "serving_default";

	private SavedModels() {}

	/**
	 * Writes {@code net} to the new folder {@code folder}, atomically: a half-written export never
	 * appears under that name.
	 *
	 * @param metadata written as {@link #METADATA}
	 * @throws IllegalArgumentException if {@code folder} exists and is not empty
	 */
	public static void write(final Network network, final JsonObject metadata, final Path folder)
		throws IOException
	{
		if (!(network instanceof UNet)) throw new IllegalArgumentException("only pssr's U-Nets " +
			"export to TensorFlow, not the " + network.architecture().preset() + " network");
		final UNet net = (UNet) network;
		final Path target = folder.toAbsolutePath().normalize();
		if (Files.exists(target) && !isEmptyFolder(target)) throw new IllegalArgumentException(target +
			" already exists; choose a new folder (nothing is overwritten)");
		try (StagedOutput staged = StagedOutput.folder(target)) {
			// TensorFlow's builder makes the folder itself.
			Files.delete(staged.path());
			TensorFlowRuntime.engine().writeSavedModel(net.config(), weights(net), SIGNATURE, staged
				.path());
			final Path meta = staged.path().resolve(METADATA);
			Files.createDirectories(meta.getParent());
			Files.write(meta, metadata.toString().getBytes(StandardCharsets.UTF_8));
			staged.commit();
		}
	}

	/** Every trainable tensor and buffer of {@code net}, as plain values. */
	private static Map<String, FloatTensor> weights(final UNet net) {
		final Map<String, FloatTensor> all = new LinkedHashMap<>();
		for (final Map<String, NDArray> group : java.util.List.of(net.weights().trainable(), net
			.weights().buffers()))
		{
			for (final Map.Entry<String, NDArray> e : group.entrySet())
				all.put(e.getKey(), new FloatTensor(e.getValue().getShape().getShape(), e.getValue()
					.toFloatArray()));
		}
		return all;
	}

	/** The pssr description of a SavedModel folder, when pssr wrote it. */
	public static Optional<JsonObject> metadata(final Path folder) throws IOException {
		final Path meta = folder.resolve(METADATA);
		if (!Files.isRegularFile(meta)) return Optional.empty();
		try (Reader r = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
			return Optional.of(JsonParser.parseReader(r).getAsJsonObject());
		}
		catch (final RuntimeException e) {
			// the folder's fault, not pssr's: bad input, named
			throw new IllegalArgumentException(meta + " is not valid JSON: " + e.getMessage(), e);
		}
	}

	private static boolean isEmptyFolder(final Path p) throws IOException {
		if (!Files.isDirectory(p)) return false;
		try (Stream<Path> s = Files.list(p)) {
			return !s.findAny().isPresent();
		}
	}
}
