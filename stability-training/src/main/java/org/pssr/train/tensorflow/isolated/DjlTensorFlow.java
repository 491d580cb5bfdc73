package org.pssr.train.tensorflow.isolated;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;

import org.pssr.train.Engines;
import org.pssr.train.UNetConfig;
import org.pssr.train.tensorflow.TensorFlowFailure;
import org.pssr.train.tensorflow.FloatTensor;
import org.pssr.train.tensorflow.SavedModelSession;
import org.pssr.train.tensorflow.TensorFlowEngine;
import org.tensorflow.Graph;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.op.Ops;

/**
 * {@link TensorFlowEngine} on DJL's TensorFlow engine and TF Java, loaded by {@code
 * TensorFlowRuntime}'s isolating class loader (never from the class path). Exceptions of the
 * libraries are turned into the JDK's here, because the caller cannot know their classes.
 */
public final class DjlTensorFlow implements TensorFlowEngine {

	private static final String ENGINE = "TensorFlow";

	private final Engine engine;

	/** Loads the engine; the natives must be where {@code TENSORFLOW_LIBRARY_PATH} says. */
	public DjlTensorFlow() {
		// the natives are already here (TensorFlowNatives): no download, whatever DJL would like
		this.engine = unchecked(() -> OwnLoader.call(() -> Engines.offline(() -> Engine.getEngine(
			ENGINE))));
	}

	@Override
	public String version() {
		return engine.getVersion();
	}

	@Override
	public void writeSavedModel(final UNetConfig config, final Map<String, FloatTensor> weights,
		final String signature, final Path folder) throws IOException
	{
		checked(() -> OwnLoader.call(() -> {
			try (Graph graph = new Graph(); Session session = new Session(graph)) {
				final UNetGraph.Endpoints ends = UNetGraph.build(Ops.create(graph), config, weights);
				final Signature s = Signature.builder().key(signature).input(UNetGraph.INPUT, ends.input)
					.output(UNetGraph.OUTPUT, ends.output).build();
				SavedModelBundle.exporter(folder.toString()).withFunction(SessionFunction.create(s,
					session)).export();
			}
			return null;
		}));
	}

	@Override
	public SavedModelSession open(final Path folder) throws IOException {
		return checked(() -> OwnLoader.call(() -> {
			final Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class,
				NDList.class).optModelPath(folder).optEngine(ENGINE).build();
			try {
				final ZooModel<NDList, NDList> zoo = criteria.loadModel();
				return new DjlSavedModelSession(zoo, folder);
			}
			catch (final ModelNotFoundException | MalformedModelException e) {
				throw new IllegalArgumentException("TensorFlow could not load " + folder + ": " + e
					.getMessage());
			}
		}));
	}

	/**
	 * Runs {@code action}; an exception whose class only this class loader knows (DJL's, TF Java's)
	 * becomes one of the JDK's with the same message, so the caller can tell input faults from
	 * failures without knowing the library.
	 */
	static <T> T checked(final Callable<T> action) throws IOException {
		try {
			return action.call();
		}
		catch (final IOException e) {
			if (isLibrary(e)) throw new IOException(e.getMessage(), e);
			throw e;
		}
		catch (final RuntimeException e) {
			if (isLibrary(e)) throw new TensorFlowFailure("TensorFlow failed: " + e.getMessage(), e);
			throw e;
		}
		catch (final Exception e) {
			throw new TensorFlowFailure("TensorFlow failed: " + e.getMessage(), e);
		}
	}

	static <T> T unchecked(final Callable<T> action) {
		try {
			return checked(action);
		}
		catch (final IOException e) {
			throw new TensorFlowFailure("TensorFlow failed: " + e.getMessage(), e);
		}
	}

	private static boolean isLibrary(final Throwable e) {
		return e.getClass().getClassLoader() == DjlTensorFlow.class.getClassLoader();
	}
}
