package org.pssr.train.tensorflow;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.pssr.crappify.io.Folders;
import org.pssr.train.UNet;
import org.tensorflow.Graph;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.op.Ops;

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
	public static void write(final UNet net, final JsonObject metadata, final Path folder)
		throws IOException
	{
		final Path target = folder.toAbsolutePath().normalize();
		if (Files.exists(target) && !isEmptyFolder(target)) throw new IllegalArgumentException(target +
			" already exists; choose a new folder (nothing is overwritten)");
		Files.createDirectories(target.getParent());
		final Path tmp = Files.createTempDirectory(target.getParent(), target.getFileName() + ".part");
		try {
			final Path staged = tmp.resolve("model");
			TensorFlowNatives.engine();
			try (Graph graph = new Graph(); Session session = new Session(graph)) {
				final UNetGraph.Endpoints ends = UNetGraph.build(Ops.create(graph), net);
				final Signature signature = Signature.builder().key(SIGNATURE).input(UNetGraph.INPUT,
					ends.input).output(UNetGraph.OUTPUT, ends.output).build();
				SavedModelBundle.exporter(staged.toString()).withFunction(SessionFunction.create(signature,
					session)).export();
			}
			final Path meta = staged.resolve(METADATA);
			Files.createDirectories(meta.getParent());
			Files.write(meta, metadata.toString().getBytes(StandardCharsets.UTF_8));
			if (Files.exists(target)) Files.delete(target);
			Files.move(staged, target);
		}
		finally {
			Folders.deleteTree(tmp);
		}
	}

	/** The pssr description of a SavedModel folder, when pssr wrote it. */
	public static Optional<JsonObject> metadata(final Path folder) throws IOException {
		final Path meta = folder.resolve(METADATA);
		if (!Files.isRegularFile(meta)) return Optional.empty();
		try (Reader r = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
			return Optional.of(JsonParser.parseReader(r).getAsJsonObject());
		}
		catch (final RuntimeException e) {
			throw new IOException(meta + " is not valid JSON: " + e.getMessage(), e);
		}
	}

	private static boolean isEmptyFolder(final Path p) throws IOException {
		if (!Files.isDirectory(p)) return false;
		try (Stream<Path> s = Files.list(p)) {
			return !s.findAny().isPresent();
		}
	}
}
